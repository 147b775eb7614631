using Microsoft.EntityFrameworkCore;

namespace Paylink.Data;

public sealed class PostgresPaylinkDbContext(DbContextOptions<PostgresPaylinkDbContext> options) : PaylinkDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Ids and names sort by byte order, as on SQLite, whatever the database's locale.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            // Statuses (and other converted values) stored as text sort like text.
            if ((property.GetValueConverter()?.ProviderClrType ?? property.GetProviderClrType() ?? property.ClrType) == typeof(string))
            {
                property.SetCollation("C");
            }
        }
    }
}
