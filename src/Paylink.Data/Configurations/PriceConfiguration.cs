using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paylink.Data.Entities;

namespace Paylink.Data.Configurations;

internal sealed class PriceConfiguration : IEntityTypeConfiguration<PriceRecord>
{
    public void Configure(EntityTypeBuilder<PriceRecord> builder)
    {
        builder.ToTable("prices");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(40);
        builder.Property(p => p.CurrencyId).HasMaxLength(8);
        builder.Property(p => p.LookupKey).HasMaxLength(200);
        builder.HasOne(p => p.Product).WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.Livemode, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.Active, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.UpdatedAt, p.Id });
        builder.HasIndex(p => new { p.ProductId, p.CreatedAt });
        // lookup_key is unique per mode among active prices.
        builder.HasIndex(p => new { p.Livemode, p.LookupKey }).IsUnique().HasFilter("active AND lookup_key IS NOT NULL");
    }
}
