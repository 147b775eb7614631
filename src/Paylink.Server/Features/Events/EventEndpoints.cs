using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Paylink.Client;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Webhooks;
using Paylink.Server.Infrastructure;
using Paylink.Server.Infrastructure.Auth;
using Paylink.Server.Infrastructure.Lists;

namespace Paylink.Server.Features.Events;

public static class EventEndpoints
{
    public static void MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events").WithTags("Events");
        group.MapGet("/", List).WithName("ListEvents").WithSummary("List events of this mode, newest first (filter: type).");
        group.MapGet("/{id}", Retrieve).WithName("RetrieveEvent").WithSummary("Retrieve an event.");
        group.MapPost("/{id}/retry", Retry).WithName("RetryEvent")
            .WithSummary("Send an event again: to one endpoint, or to every enabled endpoint of the mode that listens for its type.")
            .Accepts<EventRetryOptions>("application/json");
    }

    public static Event ToWire(EventRecord e) => new()
    {
        Id = e.Id,
        Object = "event",
        Type = e.Type,
        Livemode = e.Livemode,
        CreatedAt = e.CreatedAt,
        Data = new EventData { Object = JsonNode.Parse(e.DataJson) as JsonObject ?? [] },
    };

    private static async Task<Ok<PagedList<Event>>> List(HttpRequest request, PaylinkDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var list = ListRequest.Parse(request.Query, ["created_at"], ["type"]);
        var type = ListRequest.NonEmpty(request.Query, "type");
        var inMode = db.Events.AsNoTracking().Where(e => e.Livemode == caller.Livemode);
        var filtered = type is null ? inMode : inMode.Where(e => e.Type == type);
        return TypedResults.Ok(await ListPage.BuildAsync(filtered, inMode, list, ToWire, cancellationToken));
    }

    private static async Task<Ok<Event>> Retrieve(string id, PaylinkDbContext db, Caller caller, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToWire(await Find(db, id, caller, cancellationToken)));

    private static async Task<Ok<Event>> Retry(string id, HttpRequest request, PaylinkDbContext db, Caller caller, TimeProvider time, EventSignal signal)
    {
        var body = await RequestBody.ReadObjectAsync(request, allowEmpty: true);
        var cancellationToken = request.HttpContext.RequestAborted;
        var validation = new Validation();
        var f = new JsonFields(body, "", validation);
        var endpointId = f.String("webhook_endpoint_id", min: 1, max: 64);
        f.RejectUnknown();
        validation.ThrowIfAny();

        var evt = await Find(db, id, caller, cancellationToken);
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
        return TypedResults.Ok(ToWire(evt));
    }

    private static async Task<EventRecord> Find(PaylinkDbContext db, string id, Caller caller, CancellationToken cancellationToken) =>
        await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.Livemode == caller.Livemode, cancellationToken)
        ?? throw ApiException.Missing("event", id);
}
