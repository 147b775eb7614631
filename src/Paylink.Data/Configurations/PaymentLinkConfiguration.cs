using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paylink.Data.Entities;

namespace Paylink.Data.Configurations;

internal sealed class PaymentLinkConfiguration : IEntityTypeConfiguration<PaymentLinkRecord>
{
    public void Configure(EntityTypeBuilder<PaymentLinkRecord> builder)
    {
        builder.ToTable("payment_links");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(255);
        builder.Property(p => p.CurrencyId).HasMaxLength(8);
        builder.Property(p => p.LookupKey).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();

        // One index per list order, with and without the active filter, so every keyset page is an index range.
        builder.HasIndex(p => new { p.Livemode, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.UpdatedAt, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.Name, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.Active, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.Active, p.UpdatedAt, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.Active, p.Name, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.LookupKey }).IsUnique().HasFilter("lookup_key IS NOT NULL");
    }
}
