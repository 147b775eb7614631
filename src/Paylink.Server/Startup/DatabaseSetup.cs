using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Paylink.Data;
using Paylink.Server.Features.Checkout.Pages;
using Paylink.Server.Features.Events;
using Paylink.Server.Features.PaymentLinks;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Startup;

public static class DatabaseSetup
{
    public static void AddPaylinkDatabase(this IServiceCollection services, IConfiguration configuration, PaylinkOptions options)
    {
        services.AddSingleton<EventSignal>();
        services.AddSingleton<EventCommitInterceptor>();
        var provider = Enum.TryParse<DatabaseProvider>(options.Database.Provider, ignoreCase: true, out var p)
            ? p
            : throw new InvalidOperationException($"Paylink:Database:Provider must be Sqlite or Postgres, not '{options.Database.Provider}'.");

        if (provider == DatabaseProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString("Paylink")
                ?? throw new InvalidOperationException("Set ConnectionStrings__Paylink to use PostgreSQL.");
            services.AddDbContextPool<PaylinkDbContext, PostgresPaylinkDbContext>((sp, o) =>
            {
                PaylinkDatabase.UsePostgres(o, connectionString);
                o.AddInterceptors(sp.GetRequiredService<EventCommitInterceptor>());
            });
            services.AddSingleton(new LinkPageCache(null));
            services.AddSingleton(new LinkResponses(null));
            return;
        }

        var connection = configuration.GetConnectionString("Paylink");
        if (connection is null)
        {
            var dataDir = Path.GetFullPath(options.DataDir);
            DataFiles.PrepareFolder(dataDir);
            connection = $"Data Source={Path.Combine(dataDir, "paylink.db")};Pooling=True;Default Timeout=30";
        }

        // FULL (the default) is kept with group commit: connections commit with NORMAL and every writer waits for
        // a shared fsync of the log before it answers (SqliteDurability). NORMAL is NORMAL.
        var synchronous = options.Database.Synchronous.Equals("NORMAL", StringComparison.OrdinalIgnoreCase) ? "NORMAL" : "FULL";
        var target = new SqliteConnectionStringBuilder(connection);
        var inFile = target.DataSource is { Length: > 0 } file && file != ":memory:" && target.Mode != SqliteOpenMode.Memory;
        if (inFile && Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(target.DataSource))))
        {
            DataFiles.PrepareDatabase(Path.GetFullPath(target.DataSource));
        }

        if (synchronous == "FULL" && inFile)
        {
            SqliteDurability.Register(connection, Path.GetFullPath(target.DataSource));
            synchronous = "NORMAL";
        }

        services.AddSingleton(new LinkPageCache(connection));
        services.AddSingleton(new LinkResponses(connection));
        var pragmas = new SqlitePragmas(synchronous);
        if (inFile)
        {
            // Creates' writes, batched many to a transaction on a connection of their own (closed with the app). A
            // database in memory is one per connection, so there creates write through EF's connections.
            services.AddSingleton(sp =>
            {
                using var scope = sp.CreateScope();
                return new SqliteBatchWriter(connection, pragmas.Sql, scope.ServiceProvider.GetRequiredService<PaylinkDbContext>().Model);
            });
        }

        var commits = new SqliteCommitCounter();
        var writeGate = new SqliteWriteGate();
        services.AddDbContextPool<PaylinkDbContext, SqlitePaylinkDbContext>((sp, o) =>
        {
            PaylinkDatabase.UseSqlite(o, connection);
            o.AddInterceptors(pragmas, writeGate, commits, sp.GetRequiredService<EventCommitInterceptor>());
        });
    }

    /// <summary>Applies migrations, then creates any missing list counter.</summary>
    public static async Task MigratePaylinkDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        if (!db.IsPostgres)
        {
            // WAL lets readers go on while one writer commits; it is a property of the file, set once.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(cancellationToken);
        await Counters.EnsureAsync(db, CountedResources.PaymentLink, db.PaymentLinks, l => l.Livemode, l => l.Active, cancellationToken);
        await Counters.EnsureAsync(db, CountedResources.Product, db.Products, p => p.Livemode, p => p.Active, cancellationToken);
        await Counters.EnsureAsync(db, CountedResources.Price, db.Prices, p => p.Livemode, p => p.Active, cancellationToken);
        // Coupons have no active flag; their count is the mode's.
        await Counters.EnsureAsync(db, CountedResources.Coupon, db.Coupons, c => c.Livemode, c => true, cancellationToken);
        await Counters.EnsureAsync(db, CountedResources.PromotionCode, db.PromotionCodes, p => p.Livemode, p => p.Active, cancellationToken);
    }

    /// <summary>
    /// Per-connection SQLite settings: durability, waiting for the writer lock, foreign keys. They belong
    /// to the native connection, which the pool keeps open across uses, so they run once per native
    /// connection rather than on every open, where they would be most of the statements of a simple read
    /// (bench/README.md, "Per-connection pragmas").
    /// </summary>
    private sealed class SqlitePragmas(string synchronous) : DbConnectionInterceptor
    {
        private readonly ConditionalWeakTable<object, object> _configured = [];

        public string Sql { get; } = $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (FirstUse(connection))
            {
                using var command = connection.CreateCommand();
                command.CommandText = Sql;
                command.ExecuteNonQuery();
            }
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (FirstUse(connection))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Sql;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        private bool FirstUse(DbConnection connection)
        {
            // The native handle survives in the pool while the ADO.NET object around it may not.
            object key = connection is SqliteConnection { Handle: { } handle } ? handle : connection;
            if (_configured.TryGetValue(key, out _))
            {
                return false;
            }

            _configured.AddOrUpdate(key, this);
            return true;
        }
    }
}
