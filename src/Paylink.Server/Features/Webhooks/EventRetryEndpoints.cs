using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Paylink.Client;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Events;
using Paylink.Server.Infrastructure;
using Paylink.Server.Infrastructure.Auth;

namespace Paylink.Server.Features.Webhooks;

/// <summary>
/// <c>POST /api/events/{id}/retry</c>: an event's route, but a webhook delivery, so it lives with the
/// webhooks (which depend on events, never the reverse). Mapped right after the events' own routes.
/// </summary>
public static class EventRetryEndpoints
{
    public static void MapEventRetryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events").WithTags("Events");
        group.MapPost("/{id}/retry", Retry).WithName("RetryEvent")
            .WithSummary("Send an event again: to one endpoint, or to every enabled endpoint of the mode that listens for its type.")
            .Accepts<EventRetryOptions>("application/json");
    }

    private static async Task<Ok<Event>> Retry(string id, HttpRequest request, PaylinkDbContext db, Caller caller, TimeProvider time, EventSignal signal)
    {
        var body = await RequestBody.ReadObjectAsync(request, allowEmpty: true);
        var cancellationToken = request.HttpContext.RequestAborted;
        var validation = new Validation();
        var f = new JsonFields(body, "", validation);
        var endpointId = f.String("webhook_endpoint_id", min: 1, max: 64);
        f.RejectUnknown();
        validation.ThrowIfAny();

        var evt = await EventReads.FindAsync(db, id, caller.Livemode, cancellationToken);
        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.Livemode == caller.Livemode && e.Status == WebhookEndpointStatus.Enabled && (endpointId == null || e.Id == endpointId))
            .ToListAsync(cancellationToken);
        var targets = endpointId is null ? endpoints.Where(e => WebhookEndpointRules.Listens(e, evt.Type)).ToList() : endpoints;
        if (targets.Count == 0)
        {
            throw endpointId is null
                ? ApiException.Invalid(null, $"No enabled webhook endpoint in this mode listens for {evt.Type}.", "no_webhook_endpoint")
                : ApiException.Invalid("webhook_endpoint_id", $"No enabled webhook endpoint in this mode has the id '{endpointId}'.", "resource_missing");
        }

        await Deliveries.ScheduleAgainAsync(db, evt, targets.Select(e => e.Id).ToList(), time.UtcNow(), cancellationToken);
        signal.Notify();
        return TypedResults.Ok(EventMapping.ToWire(evt));
    }
}
