#pragma warning disable EF1001 // ISqliteRelationalConnection: see SqliteConnectionWithoutFunctions.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

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
            .ReplaceService<ISqliteRelationalConnection, SqliteConnectionWithoutFunctions>();

    public static void UsePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations"))
            .UseSnakeCaseNamingConvention();
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
