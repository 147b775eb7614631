using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Events;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Webhooks;

/// <summary>
/// Sends webhooks in the background: fans committed events out into deliveries, then, endpoint by
/// endpoint under a lease, posts each due delivery in event order and records the attempt. It wakes
/// when events commit in this process and polls for the rest (other instances' events, retries
/// falling due). Everything it needs is in the database, so a restart simply carries on.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, EventSignal signal, WebhookSender sender, WebhookSecrets secrets,
    IOptionsMonitor<PaylinkOptions> options, TimeProvider time, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int MaxEndpointsAtOnce = 8;
    private const int DueBatch = 20;
    private static readonly TimeSpan CoalesceFor = TimeSpan.FromMilliseconds(25);
    private const int MaxPerEndpointRound = 100;
    private readonly string _instance = Ids.New("inst", 16);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Webhooks.Dispatch)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Webhook dispatch failed; it will run again.");
            }

            if (!busy)
            {
                await signal.WaitAsync(options.CurrentValue.Webhooks.PollEvery(), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            // A short pause before the next pass gathers a burst of commits into one fan-out transaction
            // instead of one write transaction per event (SQLite has one writer; every pass competes with requests).
            await Task.Delay(CoalesceFor, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>One pass: fan out what is new, then send what is due. True when it did anything.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<string> endpointIds;
        var fannedOut = 0;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
            // With group commit (SQLite) a commit is visible a moment before it is on disk: no webhook goes out for it until it is.
            if (SqliteDurability.For(db) is { } durability)
            {
                await durability.AllOnDiskAsync();
            }

            for (var batch = 0; batch < 10; batch++)
            {
                var n = await Deliveries.FanOutAsync(db, time.UtcNow(), cancellationToken);
                fannedOut += n;
                if (n == 0)
                {
                    break;
                }
            }

            var now = time.UtcNow();
            endpointIds = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && d.Endpoint!.Status == WebhookEndpointStatus.Enabled
                    && (d.Endpoint.LeaseUntil == null || d.Endpoint.LeaseUntil < now))
                .Select(d => d.EndpointId).Distinct().OrderBy(id => id).Take(MaxEndpointsAtOnce * 4).ToListAsync(cancellationToken);
        }

        var sent = 0;
        await Parallel.ForEachAsync(endpointIds, new ParallelOptions { MaxDegreeOfParallelism = MaxEndpointsAtOnce, CancellationToken = cancellationToken },
            async (endpointId, token) => Interlocked.Add(ref sent, await DeliverToEndpointAsync(endpointId, token)));
        return fannedOut > 0 || sent > 0;
    }

    private async Task<int> DeliverToEndpointAsync(string endpointId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var settings = options.CurrentValue.Webhooks;
        var timeout = settings.AttemptTimeout();
        var lease = new EndpointLease(db, endpointId, _instance, timeout, time);
        if (!await lease.TryTakeAsync(cancellationToken))
        {
            return 0;
        }

        var sent = 0;
        try
        {
            var recorder = new AttemptRecorder(db, settings.RetryDelayList(), time);
            while (sent < MaxPerEndpointRound)
            {
                var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == endpointId, cancellationToken);
                if (endpoint is null || endpoint.Status != WebhookEndpointStatus.Enabled)
                {
                    break;
                }

                var now = time.UtcNow();
                var due = await db.WebhookDeliveries.AsNoTracking()
                    .Where(d => d.EndpointId == endpointId && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
                    .OrderBy(d => d.EventSequence).Take(DueBatch).Include(d => d.Event).ToListAsync(cancellationToken);
                if (due.Count == 0)
                {
                    break;
                }

                var secret = secrets.Unprotect(endpoint.SecretProtected);
                foreach (var delivery in due)
                {
                    if (!await lease.EnsureAsync(cancellationToken))
                    {
                        return sent;
                    }

                    var evt = delivery.Event!;
                    var body = JsonSerializer.Serialize(EventMapping.ToWire(evt), ServerJson.Options);
                    var result = await sender.SendAsync(endpoint.Url, secret, evt.Id, body, time.GetUtcNow(), timeout, cancellationToken);
                    await recorder.RecordAsync(endpoint, delivery, evt, result, cancellationToken);
                    sent++;
                    if (!result.Succeeded)
                    {
                        // Let the other endpoints have their turn; this one's remaining due deliveries come next pass.
                        return sent;
                    }
                }
            }

            return sent;
        }
        finally
        {
            await lease.ReleaseAsync();
        }
    }
}
