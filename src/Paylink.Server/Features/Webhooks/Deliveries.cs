using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Webhooks;

/// <summary>
/// Turns committed events into deliveries: one row per event and listening endpoint, written before
/// anything is sent. Events are the outbox (written in the change's own transaction); this fan-out
/// reads those not yet fanned out, in sequence order, and in one transaction writes their deliveries
/// and marks them. A crash before that commit leaves the events unmarked, so they are fanned out again.
/// </summary>
public static class Deliveries
{
    private const int Batch = 200;

    // Any constant: the key of PostgreSQL's transaction-scoped advisory lock that lets one instance fan out at a time.
    private const long FanOutLockKey = 0x5061_796C_696E_6B01;

    /// <summary>Fans out one batch of events; returns how many events it handled (0 when there was nothing to do).</summary>
    public static async Task<int> FanOutAsync(PaylinkDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        // Compared with a parameter: for the constant EF writes `NOT fanned_out`, which SQLite answers by
        // scanning every event instead of seeking the (fanned_out, sequence) index — a scan per commit.
        var notYet = false;
        // A plain read first: an idle poll must not take SQLite's write lock.
        if (!await db.Events.AnyAsync(e => e.FannedOut == notYet, cancellationToken))
        {
            return 0;
        }

        // On SQLite the transaction begins IMMEDIATE (the write lock), so the read below cannot go stale.
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        if (db.IsPostgres && !await TryLockFanOutAsync(db, cancellationToken))
        {
            return 0;
        }

        var events = await db.Events.AsNoTracking().Where(e => e.FannedOut == notYet).OrderBy(e => e.Sequence).Take(Batch)
            .Select(e => new { e.Sequence, e.Livemode, e.Type, e.CreatedAt }).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Status == WebhookEndpointStatus.Enabled).ToListAsync(cancellationToken);
        foreach (var evt in events)
        {
            // An endpoint gets the events that happened once it existed.
            foreach (var endpoint in endpoints.Where(e => e.Livemode == evt.Livemode && e.CreatedAt <= evt.CreatedAt && WebhookEndpointRules.Listens(e, evt.Type)))
            {
                db.WebhookDeliveries.Add(new WebhookDeliveryRecord
                {
                    EndpointId = endpoint.Id,
                    EventSequence = evt.Sequence,
                    NextAttemptAt = now,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        // `fanned_out` too, though every event read is still not fanned out: SQLite plans `sequence IN (list)` as a
        // scan of every event when its statistics (ANALYZE, run while the table was small) call the table tiny.
        // A plain statement: EF's ExecuteUpdate builds and translates its query on every call (bench/README.md, "Plain updates on SQLite").
        await db.ExecuteWriteAsync(MarkFannedOutSql(events.Count), [true, notYet, .. events.Select(e => (object?)e.Sequence)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return events.Count;
    }

    /// <summary>Makes an event due again at the given endpoints now, with a fresh retry schedule.</summary>
    public static async Task ScheduleAgainAsync(PaylinkDbContext db, EventRecord evt, IReadOnlyList<string> endpointIds, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var existing = await db.WebhookDeliveries.Where(d => d.EventSequence == evt.Sequence && endpointIds.Contains(d.EndpointId))
            .Select(d => d.EndpointId).ToListAsync(cancellationToken);
        await db.WebhookDeliveries.Where(d => d.EventSequence == evt.Sequence && endpointIds.Contains(d.EndpointId))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending).SetProperty(d => d.Failures, 0)
                .SetProperty(d => d.NextAttemptAt, now).SetProperty(d => d.UpdatedAt, now), cancellationToken);
        foreach (var endpointId in endpointIds.Except(existing))
        {
            db.WebhookDeliveries.Add(new WebhookDeliveryRecord
            {
                EndpointId = endpointId,
                EventSequence = evt.Sequence,
                NextAttemptAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw ApiException.Conflict("retry_in_progress", "This event is being scheduled for delivery by another request; try again.");
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Marks <paramref name="events"/> events fanned out: <c>@p0</c> true, <c>@p1</c> false, then their sequences.</summary>
    internal static string MarkFannedOutSql(int events) =>
        $"UPDATE events SET fanned_out = @p0 WHERE fanned_out = @p1 AND sequence IN ({string.Join(", ", Enumerable.Range(2, events).Select(i => "@p" + i))})";

    private static async Task<bool> TryLockFanOutAsync(PaylinkDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({FanOutLockKey}) AS \"Value\"").SingleAsync(cancellationToken);
}
