using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Paylink.Data.Entities;

namespace Paylink.Data;

/// <summary>
/// The database. Each provider has a context of its own (<see cref="SqlitePaylinkDbContext"/>,
/// <see cref="PostgresPaylinkDbContext"/>) so that each keeps its own migration set.
/// </summary>
public abstract class PaylinkDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<ProductRecord> Products => Set<ProductRecord>();
    public DbSet<PriceRecord> Prices => Set<PriceRecord>();
    public DbSet<PaymentLinkRecord> PaymentLinks => Set<PaymentLinkRecord>();
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ListCounter> ListCounters => Set<ListCounter>();
    public DbSet<CheckoutSessionRecord> CheckoutSessions => Set<CheckoutSessionRecord>();
    public DbSet<PaymentIntentRecord> PaymentIntents => Set<PaymentIntentRecord>();
    public DbSet<CustomerRecord> Customers => Set<CustomerRecord>();
    public DbSet<CouponRecord> Coupons => Set<CouponRecord>();
    public DbSet<PromotionCodeRecord> PromotionCodes => Set<PromotionCodeRecord>();
    public DbSet<EventRecord> Events => Set<EventRecord>();
    public DbSet<TestChargeRecord> TestCharges => Set<TestChargeRecord>();
    public DbSet<WebhookEndpointRecord> WebhookEndpoints => Set<WebhookEndpointRecord>();
    public DbSet<WebhookDeliveryRecord> WebhookDeliveries => Set<WebhookDeliveryRecord>();
    public DbSet<WebhookAttemptRecord> WebhookAttempts => Set<WebhookAttemptRecord>();
    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Set when an event joins this unit of work, so that its commit can wake the webhook dispatcher
    /// at once instead of at its next poll.
    /// </summary>
    public bool EventsAdded { get; set; }

    /// <summary>On SQLite, true while this context holds the process's write gate (see <see cref="SqliteWriteGate"/>).</summary>
    public bool HoldsWriteGate { get; internal set; }

    /// <summary>What the gate was taken for by <see cref="SqliteWriteGate"/> itself (none when a <see cref="WriteTransaction"/> took it).</summary>
    internal SqliteWriteGate.Scope ImplicitGate { get; set; }

    /// <summary>True on PostgreSQL. Decided by the context's type: the provider's name is read from its assembly on every call.</summary>
    public bool IsPostgres => this is PostgresPaylinkDbContext;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        Configurations.StatusConversions.Apply(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaylinkDbContext).Assembly);
    }
}
