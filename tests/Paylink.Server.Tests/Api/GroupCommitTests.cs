using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Data;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// SQLite group commit: a writer is answered only once an fsync of the log that began after its commit
/// has finished; commits that end together share one fsync; a failed fsync fails its writers.
/// </summary>
public sealed class GroupCommitTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Each_commit_waits_for_an_fsync_that_began_after_it_and_concurrent_commits_share_fsyncs()
    {
        var clock = Stopwatch.StartNew();
        var syncs = new ConcurrentQueue<(TimeSpan Began, TimeSpan Ended)>();
        var durability = new SqliteDurability("unused", _ =>
        {
            var began = clock.Elapsed;
            Thread.Sleep(20);
            syncs.Enqueue((began, clock.Elapsed));
        });

        var commits = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            await Task.Delay(i % 7);
            var committed = clock.Elapsed;
            await durability.OnDiskAsync();
            return (Committed: committed, Answered: clock.Elapsed);
        })));

        foreach (var (committed, answered) in commits)
        {
            Assert.Contains(syncs, s => s.Began >= committed && s.Ended <= answered);
        }

        Assert.Equal(syncs.Count, durability.Syncs);
        Assert.InRange(durability.Syncs, 1, 30);
    }

    [Fact]
    public async Task A_failed_fsync_fails_the_commits_waiting_for_it_and_the_next_commit_gets_a_new_one()
    {
        var fail = true;
        var durability = new SqliteDurability("unused", _ =>
        {
            if (fail)
            {
                throw new IOException("disk full");
            }
        });

        await Assert.ThrowsAsync<IOException>(() => durability.OnDiskAsync());
        fail = false;
        await durability.OnDiskAsync();
        Assert.Equal(1, durability.Syncs);

        // Nothing committed since: a barrier needs no fsync.
        await durability.AllOnDiskAsync();
        Assert.Equal(1, durability.Syncs);
    }

    [Fact]
    public async Task A_write_transaction_frees_the_writer_queue_before_its_fsync_and_returns_after_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "paylink-gc-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await CommitWhileTheFsyncIsHeldAsync(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task CommitWhileTheFsyncIsHeldAsync(string folder)
    {
        var connectionString = $"Data Source={Path.Combine(folder, "paylink.db")};Pooling=False";
        using var syncing = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var hold = false;
        SqliteDurability.Register(connectionString, new SqliteDurability(Path.Combine(folder, "paylink.db"), _ =>
        {
            if (Volatile.Read(ref hold))
            {
                syncing.Set();
                release.Wait(TimeSpan.FromSeconds(30));
            }
        }));
        var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<SqlitePaylinkDbContext>();
        PaylinkDatabase.UseSqlite(builder, connectionString);
        builder.AddInterceptors(new SqliteWriteGate());
        await using (var setup = new SqlitePaylinkDbContext(builder.Options))
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(setup.Database);
        }

        await using var first = new SqlitePaylinkDbContext(builder.Options);
        await using var second = new SqlitePaylinkDbContext(builder.Options);
        Volatile.Write(ref hold, true);
        var transaction = await first.BeginWriteAsync();
        first.TestCharges.Add(new Paylink.Data.Entities.TestChargeRecord { IdempotencyKey = "gc", Amount = 1, CreatedAt = DateTime.UtcNow });
        await first.SaveChangesAsync();
        var committing = Task.Run(() => transaction.CommitAsync());
        Assert.True(syncing.Wait(TimeSpan.FromSeconds(10)));
        Assert.False(committing.IsCompleted);

        // The fsync is still running, yet the next writer gets in.
        await using (var next = await second.BeginWriteAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token))
        {
            Assert.False(committing.IsCompleted);
        }

        release.Set();
        await committing.WaitAsync(TimeSpan.FromSeconds(10));
        await transaction.DisposeAsync();
    }

    [Fact]
    public async Task The_server_on_SQLite_syncs_before_it_answers_a_write()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var durability = SqliteDurability.For(scope.ServiceProvider.GetRequiredService<PaylinkDbContext>());
        Assert.NotNull(durability);
        var client = app.Client();
        var price = await Catalog.PriceAsync(client);
        var before = durability.Syncs;
        await Catalog.LinkAsync(client, price, "Synced");
        Assert.True(durability.Syncs > before);
    }
}
