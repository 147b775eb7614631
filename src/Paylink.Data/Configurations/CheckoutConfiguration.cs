using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paylink.Data.Entities;

namespace Paylink.Data.Configurations;

internal sealed class CheckoutSessionConfiguration : IEntityTypeConfiguration<CheckoutSessionRecord>
{
    public void Configure(EntityTypeBuilder<CheckoutSessionRecord> builder)
    {
        builder.ToTable("checkout_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(40);
        builder.Property(s => s.Lines).HasJsonText("lines_json");
        builder.Property(s => s.Discounts).HasJsonText("discounts_json");
        builder.Property(s => s.CustomerDetails).HasJsonText("customer_details_json");
        builder.Property(s => s.CustomFields).HasJsonText("custom_fields_json");
        builder.Property(s => s.Consent).HasJsonText("consent_json");
        builder.HasIndex(s => s.FormToken).IsUnique().HasFilter("form_token IS NOT NULL");
        builder.HasIndex(s => new { s.Livemode, s.CreatedAt, s.Id });
        builder.HasIndex(s => new { s.Livemode, s.UpdatedAt, s.Id });
        builder.HasIndex(s => new { s.PaymentLinkId, s.CreatedAt });
        builder.HasIndex(s => new { s.Status, s.ExpiresAt });
        builder.HasIndex(s => new { s.Reserved, s.ReservedUntil });
        builder.HasIndex(s => new { s.Livemode, s.CustomerEmail, s.Status });
        builder.HasIndex(s => new { s.Livemode, s.BuyerEmail, s.Status });
    }
}

internal sealed class PaymentIntentConfiguration : IEntityTypeConfiguration<PaymentIntentRecord>
{
    public void Configure(EntityTypeBuilder<PaymentIntentRecord> builder)
    {
        builder.ToTable("payment_intents");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(40);
        builder.HasIndex(p => new { p.Livemode, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.UpdatedAt, p.Id });
        builder.HasIndex(p => p.Status);
        builder.HasIndex(p => p.CheckoutSessionId);
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<CustomerRecord>
{
    public void Configure(EntityTypeBuilder<CustomerRecord> builder)
    {
        builder.ToTable("customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(40);
        builder.HasIndex(c => new { c.Livemode, c.Email }).IsUnique().HasFilter("email IS NOT NULL");
        builder.HasIndex(c => new { c.Livemode, c.CreatedAt, c.Id });
        builder.HasIndex(c => new { c.Livemode, c.UpdatedAt, c.Id });
        builder.HasIndex(c => new { c.Livemode, c.Name, c.Id });
    }
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<EventRecord>
{
    public void Configure(EntityTypeBuilder<EventRecord> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedOnAdd();
        builder.HasIndex(e => e.Id).IsUnique();
        builder.HasIndex(e => new { e.Livemode, e.CreatedAt, e.Id });
        builder.HasIndex(e => new { e.Livemode, e.Type, e.CreatedAt, e.Id });
        builder.HasIndex(e => new { e.FannedOut, e.Sequence });
    }
}

internal sealed class TestChargeConfiguration : IEntityTypeConfiguration<TestChargeRecord>
{
    public void Configure(EntityTypeBuilder<TestChargeRecord> builder)
    {
        builder.ToTable("test_charges");
        builder.HasKey(c => c.IdempotencyKey);
    }
}
