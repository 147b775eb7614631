using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paylink.Data.Entities;

namespace Paylink.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<ProductRecord>
{
    public void Configure(EntityTypeBuilder<ProductRecord> builder)
    {
        builder.ToTable("products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(255);
        builder.Property(p => p.Type).HasMaxLength(16);
        builder.HasIndex(p => new { p.Livemode, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.Active, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.UpdatedAt, p.Id });
        builder.HasIndex(p => new { p.Livemode, p.Name, p.Id });
    }
}
