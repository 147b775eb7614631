using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Webhooks;

/// <summary>
/// Writes the outcome of an attempt in one transaction: the attempt row, the delivery's next state
/// (done, due again after the next retry delay, or failed for good) and the endpoint's <c>failing</c> flag.
/// </summary>
public sealed class AttemptRecorder(PaylinkDbContext db, IReadOnlyList<TimeSpan> retryDelays, TimeProvider time)
{
    public async Task RecordAsync(WebhookEndpointRecord endpoint, WebhookDeliveryRecord delivery, EventRecord evt, AttemptResult result,
        CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var failures = result.Succeeded ? delivery.Failures : delivery.Failures + 1;
        DateTime? nextRetry = !result.Succeeded && delivery.Failures < retryDelays.Count ? now + Jittered(retryDelays[delivery.Failures]) : null;
        var status = result.Succeeded ? WebhookDeliveryStatus.Succeeded : nextRetry is null ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;

        await using var transaction = await db.BeginWriteAsync(CancellationToken.None);
        db.WebhookAttempts.Add(new WebhookAttemptRecord
        {
            Id = Ids.New("wha"),
            Livemode = endpoint.Livemode,
            EndpointId = endpoint.Id,
            DeliveryId = delivery.Id,
            EventId = evt.Id,
            EventType = evt.Type,
            Attempt = delivery.Attempts + 1,
            Succeeded = result.Succeeded,
            StatusCode = result.StatusCode,
            DurationMs = result.DurationMs,
            ResponseExcerpt = result.ResponseExcerpt,
            Error = result.Error,
            NextRetryAt = nextRetry,
            CreatedAt = now,
            UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.WebhookEndpoints.AnyAsync(e => e.Id == endpoint.Id, CancellationToken.None))
            {
                throw;
            }

            // The endpoint was deleted during the attempt, and its history with it.
            return;
        }

        db.ChangeTracker.Clear();

        // Guarded by the attempt count: a delivery changed meanwhile (deleted endpoint) is left alone.
        var attempts = delivery.Attempts;
        await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.Attempts == attempts)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, attempts + 1).SetProperty(d => d.Failures, failures)
                .SetProperty(d => d.Status, status).SetProperty(d => d.NextAttemptAt, nextRetry ?? now).SetProperty(d => d.UpdatedAt, now), CancellationToken.None);
        if (result.Succeeded)
        {
            await db.WebhookEndpoints.Where(e => e.Id == endpoint.Id && e.Failing)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Failing, false), CancellationToken.None);
        }
        else if (status == WebhookDeliveryStatus.Failed)
        {
            await db.WebhookEndpoints.Where(e => e.Id == endpoint.Id && !e.Failing)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Failing, true), CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    /// <summary>±20 %, so receivers that failed together are not all retried in the same instant.</summary>
    private static TimeSpan Jittered(TimeSpan delay) => delay * (0.8 + (Random.Shared.NextDouble() * 0.4));
}
