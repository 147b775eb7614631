using Microsoft.Data.Sqlite;
using Npgsql;
using Paylink.Testing;

namespace Paylink.Server.Tests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, empty database for one test host (or for several in turn, to test a restart): a SQLite
/// file in a temp data folder, or a new database on the run's PostgreSQL server — the one named by
/// <c>PAYLINK_TEST_POSTGRES</c> if set, else a cluster the tests start themselves.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _adminConnectionString;
    private readonly string? _name;

    private TestDatabase(DatabaseKind kind, IReadOnlyDictionary<string, string?> settings, string? folder, string? adminConnectionString, string? name)
    {
        Kind = kind;
        Settings = settings;
        _folder = folder;
        _adminConnectionString = adminConnectionString;
        _name = name;
    }

    public DatabaseKind Kind { get; }

    /// <summary>The server settings that point it at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public static Task<TestDatabase> CreateAsync(DatabaseKind kind) =>
        kind == DatabaseKind.Sqlite ? Task.FromResult(CreateSqlite()) : CreatePostgresAsync();

    private static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "paylink-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>
        {
            ["Paylink:Database:Provider"] = "Sqlite",
            // The default durability (FULL, with group commit), as users run it.
            ["Paylink:DataDir"] = folder,
        };
        return new TestDatabase(DatabaseKind.Sqlite, settings, folder, null, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = (await PostgresCluster.GetAsync()).AdminConnectionString;
        var name = "paylink_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            // A linguistic default collation, as on a typical server: names must still sort by bytes (COLLATE "C").
            try
            {
                await using var icu = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'", connection);
                await icu.ExecuteNonQueryAsync();
            }
            catch (PostgresException)
            {
                await using var plain = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", connection);
                await plain.ExecuteNonQueryAsync();
            }
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 40 };
        var settings = new Dictionary<string, string?>
        {
            ["Paylink:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Paylink"] = builder.ConnectionString,
        };
        return new TestDatabase(DatabaseKind.Postgres, settings, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        if (_adminConnectionString is not null)
        {
            await using (var pooled = new NpgsqlConnection(Settings["ConnectionStrings:Paylink"]))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
