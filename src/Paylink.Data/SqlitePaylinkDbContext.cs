using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Paylink.Data;

public sealed class SqlitePaylinkDbContext(DbContextOptions<SqlitePaylinkDbContext> options) : PaylinkDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UnixMillisecondsConverter>();
    }
}

/// <summary>
/// SQLite cannot compare or order DateTimeOffset, and its DateTime text sorts slowly: instants are
/// stored as Unix milliseconds, which compare and sort exactly (the wire has millisecond precision).
/// </summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTime, long>(
    v => (long)(DateTime.SpecifyKind(v, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMilliseconds,
    v => DateTime.SpecifyKind(DateTime.UnixEpoch.AddMilliseconds(v), DateTimeKind.Utc));
