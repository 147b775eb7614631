using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;

namespace Paylink.Server.Infrastructure;

/// <summary>
/// List counts for the common filters (mode, mode + active), kept as counters that writers update in
/// their own transaction, so <c>count</c> stays cheap on a table of millions. Keys look like
/// <c>payment_link:test</c> and <c>payment_link:test:active</c>.
/// </summary>
public static class Counters
{
    private const string SqliteAdd = "UPDATE list_counters SET count = count + @p0 WHERE key IN (@p1, @p2)";

    public static string Key(string resource, bool livemode, bool? active = null) =>
        $"{resource}:{(livemode ? "live" : "test")}{active switch { true => ":active", false => ":inactive", null => "" }}";

    /// <summary>Adjusts the counters for an object that appeared (+1) or vanished (-1).</summary>
    public static async Task AddAsync(PaylinkDbContext db, string resource, bool livemode, bool active, int delta, CancellationToken cancellationToken)
    {
        var total = Key(resource, livemode);
        var byActive = Key(resource, livemode, active);
        if (!db.IsPostgres)
        {
            // One statement for both rows (SQLite has one writer, so the order rows are locked in does not matter),
            // as plain SQL: it runs inside the write queue, where EF's translation of an ExecuteUpdate, and even
            // EF's pipeline for raw SQL, cost more than the update.
            await db.ExecuteWriteAsync(SqliteAdd, [delta, total, byActive], cancellationToken);
            return;
        }

        await BumpAsync(db, total, delta, cancellationToken);
        await BumpAsync(db, byActive, delta, cancellationToken);
    }

    /// <summary>As <see cref="AddAsync"/>, in a unit of SQLite's batched writes.</summary>
    public static void Add(SqliteBatchWriter.Statements w, string resource, bool livemode, bool active, int delta) =>
        w.Execute(SqliteAdd, delta, Key(resource, livemode), Key(resource, livemode, active));

    /// <summary>Moves one object between the active and inactive counters.</summary>
    public static async Task MoveAsync(PaylinkDbContext db, string resource, bool livemode, bool nowActive, CancellationToken cancellationToken)
    {
        // Counter rows are always locked in one order (total, active, inactive), or an archive and a
        // reactivation running at once would each hold the row the other waits for (a deadlock on PostgreSQL).
        await BumpAsync(db, Key(resource, livemode, true), nowActive ? 1 : -1, cancellationToken);
        await BumpAsync(db, Key(resource, livemode, false), nowActive ? -1 : 1, cancellationToken);
    }

    public static async Task<long> GetAsync(PaylinkDbContext db, string resource, bool livemode, bool? active, CancellationToken cancellationToken)
    {
        var key = Key(resource, livemode, active);
        return await db.ListCounters.AsNoTracking().Where(c => c.Key == key).Select(c => c.Count).FirstOrDefaultAsync(cancellationToken);
    }

    private static Task<int> BumpAsync(PaylinkDbContext db, string key, int delta, CancellationToken cancellationToken) =>
        db.ListCounters.Where(c => c.Key == key).ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + delta), cancellationToken);

    /// <summary>
    /// At start, creates any missing counter from the table itself (a new database, or a resource added
    /// by an upgrade). Existing counters are left alone: they are exact by construction.
    /// </summary>
    public static async Task EnsureAsync<T>(PaylinkDbContext db, string resource, IQueryable<T> table,
        System.Linq.Expressions.Expression<Func<T, bool>> isLive, System.Linq.Expressions.Expression<Func<T, bool>> isActive,
        CancellationToken cancellationToken)
    {
        foreach (var livemode in new[] { false, true })
        {
            foreach (var active in new bool?[] { null, true, false })
            {
                var key = Key(resource, livemode, active);
                if (await db.ListCounters.AnyAsync(c => c.Key == key, cancellationToken))
                {
                    continue;
                }

                var rows = livemode ? table.Where(isLive) : table.Where(Not(isLive));
                if (active is { } a)
                {
                    rows = a ? rows.Where(isActive) : rows.Where(Not(isActive));
                }

                db.ListCounters.Add(new ListCounter { Key = key, Count = await rows.LongCountAsync(cancellationToken) });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
                {
                    // Another instance made it first.
                }

                db.ChangeTracker.Clear();
            }
        }
    }

    private static System.Linq.Expressions.Expression<Func<T, bool>> Not<T>(System.Linq.Expressions.Expression<Func<T, bool>> predicate) =>
        System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(System.Linq.Expressions.Expression.Not(predicate.Body), predicate.Parameters);
}
