#pragma warning disable EF1001 // ISqliteRelationalConnection: see SqliteConnectionWithoutFunctions.
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Paylink.Data;

/// <summary>Which database Paylink runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class PaylinkDatabase
{
    public static void UseSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__ef_migrations"))
            .UseSnakeCaseNamingConvention()
            .ReplaceService<ISqliteRelationalConnection, SqliteConnectionWithoutFunctions>()
            .LogFailuresWhereHandled();

    public static void UsePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(WithPostgresDefaults(connectionString), o => o.MigrationsHistoryTable("__ef_migrations"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(FailedCommandReset.Instance)
            .LogFailuresWhereHandled();

    /// <summary>
    /// EF Core logs every failed command and save as an error, with its stack, before the caller sees the
    /// exception. Paylink expects some and answers them (a unique key already taken: an Idempotency-Key
    /// sent again, a form submitted twice, a <c>lookup_key</c> in use), and what it does not expect is
    /// logged where it is caught (the exception handler's 500, the background loops); so EF's own entries
    /// are debug-level.
    /// </summary>
    private static DbContextOptionsBuilder LogFailuresWhereHandled(this DbContextOptionsBuilder builder) =>
        builder.ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    /// <summary>
    /// Paylink's defaults for an Npgsql connection string, each applied only when the string does not set it.
    /// EF opens and closes a pooled connection around every query, and by default Npgsql then resets the
    /// session (<c>DISCARD ALL</c>), which also drops prepared statements, so every query would be parsed
    /// and planned anew. Paylink keeps no session state (its advisory lock is transaction-scoped), so it
    /// skips the reset and lets Npgsql prepare its most used statements (bench/README.md, "PostgreSQL
    /// connection defaults").
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --context SqlitePaylinkDbContext</c> build the context.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePaylinkDbContext>
{
    public SqlitePaylinkDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlitePaylinkDbContext>();
        PaylinkDatabase.UseSqlite(builder, "Data Source=design.db");
        return new SqlitePaylinkDbContext(builder.Options);
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresPaylinkDbContext</c> build the context.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPaylinkDbContext>
{
    public PostgresPaylinkDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresPaylinkDbContext>();
        PaylinkDatabase.UsePostgres(builder, "Host=localhost;Database=paylink_design");
        return new PostgresPaylinkDbContext(builder.Options);
    }
}
