using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// On SQLite one writer at a time: writes made without a transaction of their own (a SaveChanges, an
/// ExecuteUpdate) queue in the process behind an open write transaction instead of reaching SQLite and
/// sleeping on its lock; and the queue is free again whatever way such a write ends.
/// </summary>
public sealed class WriteGateTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_save_without_a_transaction_reaches_SQLite_only_after_the_open_write_transaction_commits()
    {
        var log = new ConcurrentQueue<string>();
        await using var holder = Context(log, "holder");
        await using var other = Context(log, "other");
        var transaction = await holder.BeginWriteAsync();
        holder.TestCharges.Add(Charge("gate-held"));
        await holder.SaveChangesAsync();

        other.TestCharges.Add(Charge("gate-waiting"));
        var waiting = other.SaveChangesAsync();
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        log.Enqueue("holder commits");
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        // Had the second save gone straight to SQLite, its INSERT would have started before the commit (and slept on the lock).
        Assert.Equal(["holder INSERT", "holder commits", "other INSERT"], log.Where(e => !e.EndsWith("UPDATE", StringComparison.Ordinal)));
        AssertGateFree(other);
    }

    [Fact]
    public async Task The_queue_is_free_again_after_a_save_that_fails()
    {
        await using var db = Context(new ConcurrentQueue<string>(), "db");
        db.TestCharges.Add(Charge("gate-twice"));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        db.TestCharges.Add(Charge("gate-twice"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        AssertGateFree(db);

        db.ChangeTracker.Clear();
        await using var next = await db.BeginWriteAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        await next.CommitAsync();
    }

    [Fact]
    public async Task The_queue_is_free_again_after_an_update_without_a_transaction_succeeds_fails_or_is_cancelled()
    {
        await using var db = Context(new ConcurrentQueue<string>(), "db");
        db.TestCharges.AddRange(Charge("gate-update"), Charge("gate-update-2"));
        await db.SaveChangesAsync();

        Assert.Equal(1, await db.TestCharges.Where(c => c.IdempotencyKey == "gate-update").ExecuteUpdateAsync(s => s.SetProperty(c => c.Amount, 7)));
        AssertGateFree(db);

        // One key taken by the other row: SQLite refuses the statement.
        await Assert.ThrowsAnyAsync<DbException>(() => db.TestCharges.Where(c => c.IdempotencyKey == "gate-update-2")
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IdempotencyKey, "gate-update")));
        AssertGateFree(db);

        await using var other = Context(new ConcurrentQueue<string>(), "other");
        await using (var held = await db.BeginWriteAsync())
        {
            using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => other.TestCharges.Where(c => c.IdempotencyKey == "gate-update")
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Amount, 9), cancelled.Token));
            await held.CommitAsync();
        }

        AssertGateFree(db);
        AssertGateFree(other);
        Assert.Equal(7, (await db.TestCharges.AsNoTracking().SingleAsync(c => c.IdempotencyKey == "gate-update")).Amount);
    }

    private static void AssertGateFree(PaylinkDbContext db)
    {
        Assert.False(db.HoldsWriteGate);
        Assert.Equal(1, SqliteWriteGate.For(db).CurrentCount);
    }

    private static TestChargeRecord Charge(string key) => new() { IdempotencyKey = key, Succeeded = true, Amount = 100, CreatedAt = DateTime.UtcNow };

    private SqlitePaylinkDbContext Context(ConcurrentQueue<string> log, string name)
    {
        using var scope = app.Services.CreateScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>().Database.GetConnectionString()!;
        var builder = new DbContextOptionsBuilder<SqlitePaylinkDbContext>();
        PaylinkDatabase.UseSqlite(builder, connectionString);
        builder.AddInterceptors(new SqliteWriteGate(), new CommandWatch(command =>
        {
            // Each write statement, as it is sent to SQLite.
            var verb = command.CommandText.TrimStart().Split(' ', 2)[0].ToUpperInvariant();
            if (verb is "INSERT" or "UPDATE" or "DELETE")
            {
                log.Enqueue($"{name} {verb}");
            }
        }));
        return new SqlitePaylinkDbContext(builder.Options);
    }
}
