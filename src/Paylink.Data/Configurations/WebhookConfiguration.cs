using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paylink.Data.Entities;

namespace Paylink.Data.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpointRecord>
{
    public void Configure(EntityTypeBuilder<WebhookEndpointRecord> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(40);
        builder.Property(e => e.Url).HasMaxLength(2048);
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.Property(e => e.EnabledEvents).HasJsonText("enabled_events_json");
        builder.HasIndex(e => new { e.Livemode, e.CreatedAt, e.Id });
        builder.HasIndex(e => new { e.Livemode, e.UpdatedAt, e.Id });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryRecord> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.Status).HasMaxLength(16);
        builder.HasOne(d => d.Endpoint).WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventSequence).OnDelete(DeleteBehavior.Cascade);
        // One delivery per endpoint and event: a fan-out that ran twice cannot send an event twice.
        builder.HasIndex(d => new { d.EndpointId, d.EventSequence }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.EndpointId, d.Status, d.EventSequence });
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttemptRecord>
{
    public void Configure(EntityTypeBuilder<WebhookAttemptRecord> builder)
    {
        builder.ToTable("webhook_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(40);
        builder.HasOne<WebhookEndpointRecord>().WithMany().HasForeignKey(a => a.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.EndpointId, a.CreatedAt, a.Id });
        builder.HasIndex(a => new { a.EndpointId, a.EventId, a.CreatedAt });
    }
}
