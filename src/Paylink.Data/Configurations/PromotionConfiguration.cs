using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paylink.Data.Entities;

namespace Paylink.Data.Configurations;

internal sealed class CouponConfiguration : IEntityTypeConfiguration<CouponRecord>
{
    public void Configure(EntityTypeBuilder<CouponRecord> builder)
    {
        builder.ToTable("coupons");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(40);
        builder.Property(c => c.Name).HasMaxLength(255);
        builder.Property(c => c.CurrencyId).HasMaxLength(8);
        builder.Property(c => c.Duration).HasMaxLength(16);
        builder.HasIndex(c => new { c.Livemode, c.CreatedAt, c.Id });
        builder.HasIndex(c => new { c.Livemode, c.UpdatedAt, c.Id });
    }
}

internal sealed class PromotionCodeConfiguration : IEntityTypeConfiguration<PromotionCodeRecord>
{
    public void Configure(EntityTypeBuilder<PromotionCodeRecord> builder)
    {
        builder.ToTable("promotion_codes");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(40);
        builder.Property(p => p.Code).HasMaxLength(64);
        builder.Property(p => p.CodeKey).HasMaxLength(64);
        builder.Property(p => p.MinimumAmountCurrency).HasMaxLength(8);
        builder.HasOne(p => p.Coupon).WithMany().HasForeignKey(p => p.CouponId).OnDelete(DeleteBehavior.Restrict);

        // Customers type codes in any case: one active code per mode for each upper-cased spelling.
        builder.HasIndex(p => new { p.Livemode, p.CodeKey }).IsUnique().HasFilter("active");
        builder.HasIndex(p => new { p.Livemode, p.CodeKey, p.CreatedAt });
        builder.HasIndex(p => new { p.Livemode, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.UpdatedAt, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.Active, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.Active, p.UpdatedAt, p.Id });
        builder.HasIndex(p => new { p.CouponId, p.CreatedAt });
    }
}
