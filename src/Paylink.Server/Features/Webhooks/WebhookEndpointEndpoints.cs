using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Paylink.Client;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;
using Paylink.Server.Infrastructure.Auth;
using Paylink.Server.Infrastructure.Lists;

namespace Paylink.Server.Features.Webhooks;

public static class WebhookEndpointEndpoints
{
    private const int MaxUrlLength = 2048;
    private const int MaxDescriptionLength = 500;

    public static void MapWebhookEndpointEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/webhook-endpoints").WithTags("Webhook endpoints");
        group.MapPost("/", Create).WithName("CreateWebhookEndpoint")
            .WithSummary("Create a webhook endpoint for this mode's events; the answer carries its signing secret, the only time it is shown.")
            .Accepts<WebhookEndpointCreateOptions>("application/json");
        group.MapGet("/{id}", Retrieve).WithName("RetrieveWebhookEndpoint").WithSummary("Retrieve a webhook endpoint.");
        group.MapPut("/{id}", Update).WithName("UpdateWebhookEndpoint")
            .WithSummary("Update a webhook endpoint's url, enabled_events, status, description or metadata (partial; metadata merges).")
            .Accepts<WebhookEndpointUpdateOptions>("application/json");
        group.MapDelete("/{id}", Delete).WithName("DeleteWebhookEndpoint").WithSummary("Delete a webhook endpoint and the deliveries still owed to it.");
        group.MapGet("/", List).WithName("ListWebhookEndpoints").WithSummary("List webhook endpoints (filter: status).");
        group.MapGet("/{id}/attempts", Attempts).WithName("ListWebhookAttempts")
            .WithSummary("List the delivery attempts to a webhook endpoint, newest first (filter: event_id).");
    }

    private static async Task<Ok<WebhookEndpoint>> Create(HttpRequest request, PaylinkDbContext db, Caller caller, TimeProvider time,
        WebhookTargets targets, WebhookSecrets secrets)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var validation = new Validation();
        var f = new JsonFields(body, "", validation);
        var url = f.String("url", required: true, min: 1, max: MaxUrlLength, trim: true);
        var events = WebhookEndpointRules.ReadEnabledEvents(f, required: true);
        var description = f.String("description", max: MaxDescriptionLength);
        var status = f.Enum("status", StoredText.All<WebhookEndpointStatus>()) is { } text ? StoredText.Parse<WebhookEndpointStatus>(text) : WebhookEndpointStatus.Enabled;
        var metadata = Metadata.ReadForCreate(f) ?? Metadata.Empty;
        f.Forbid("failing", "failing is read-only: it clears itself at the next successful delivery.");
        f.Forbid("secret", "The secret is made by the server.");
        f.RejectUnknown();
        await CheckUrlAsync(url, targets, validation, cancellationToken);
        validation.ThrowIfAny();

        var now = time.UtcNow();
        var secret = WebhookSecrets.Generate();
        var endpoint = new WebhookEndpointRecord
        {
            Id = Ids.New("we"),
            Livemode = caller.Livemode,
            Url = url!,
            EnabledEvents = events!,
            Description = description,
            Status = status,
            MetadataJson = metadata,
            SecretProtected = secrets.Protect(secret),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(WebhookEndpointMapping.ToWire(endpoint, secret));
    }

    private static async Task<Ok<WebhookEndpoint>> Retrieve(string id, PaylinkDbContext db, Caller caller, CancellationToken cancellationToken) =>
        TypedResults.Ok(WebhookEndpointMapping.ToWire(await Find(db, id, caller, cancellationToken)));

    private static async Task<Ok<WebhookEndpoint>> Update(string id, HttpRequest request, PaylinkDbContext db, Caller caller, TimeProvider time, WebhookTargets targets)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var endpoint = await Find(db, id, caller, cancellationToken);
        var validation = new Validation();
        var f = new JsonFields(body, "", validation);
        if (f.Has("url"))
        {
            var url = f.String("url", required: true, min: 1, max: MaxUrlLength, trim: true);
            await CheckUrlAsync(url, targets, validation, cancellationToken);
            endpoint.Url = url ?? endpoint.Url;
        }

        if (f.Has("enabled_events"))
        {
            endpoint.EnabledEvents = WebhookEndpointRules.ReadEnabledEvents(f, required: true) ?? endpoint.EnabledEvents;
        }

        if (f.Has("description"))
        {
            endpoint.Description = f.String("description", max: MaxDescriptionLength);
        }

        if (f.Has("status"))
        {
            if (f.Enum("status", StoredText.All<WebhookEndpointStatus>(), required: true) is { } text)
            {
                endpoint.Status = StoredText.Parse<WebhookEndpointStatus>(text);
            }
        }

        if (Metadata.ReadForUpdate(f, endpoint.MetadataJson) is { } metadata)
        {
            endpoint.MetadataJson = metadata;
        }

        f.Forbid("failing", "failing is read-only: it clears itself at the next successful delivery.");
        f.Forbid("secret", "The secret cannot be changed; create a new endpoint to rotate it.");
        f.RejectUnknown();
        validation.ThrowIfAny();

        endpoint.UpdatedAt = time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(WebhookEndpointMapping.ToWire(endpoint));
    }

    private static async Task<Ok<DeletedObject>> Delete(string id, PaylinkDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var endpoint = await Find(db, id, caller, cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        await db.WebhookAttempts.Where(a => a.EndpointId == endpoint.Id).ExecuteDeleteAsync(cancellationToken);
        await db.WebhookDeliveries.Where(d => d.EndpointId == endpoint.Id).ExecuteDeleteAsync(cancellationToken);
        await db.WebhookEndpoints.Where(e => e.Id == endpoint.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new DeletedObject { Id = endpoint.Id, Object = "webhook_endpoint", Deleted = true });
    }

    private static async Task<Ok<PagedList<WebhookEndpoint>>> List(HttpRequest request, PaylinkDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var list = ListRequest.Parse(request.Query, ["created_at", "updated_at"], ["status"]);
        var status = ListRequest.NonEmpty(request.Query, "status");
        var inMode = db.WebhookEndpoints.AsNoTracking().Where(e => e.Livemode == caller.Livemode);
        var filtered = status is null ? inMode
            : StoredText.TryParse<WebhookEndpointStatus>(status, out var wanted) ? inMode.Where(e => e.Status == wanted)
            : inMode.Where(e => false);
        return TypedResults.Ok(await ListPage.BuildAsync(filtered, inMode, list, e => WebhookEndpointMapping.ToWire(e), cancellationToken));
    }

    private static async Task<Ok<PagedList<WebhookAttempt>>> Attempts(string id, HttpRequest request, PaylinkDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var list = ListRequest.Parse(request.Query, ["created_at"], ["event_id"]);
        var eventId = ListRequest.NonEmpty(request.Query, "event_id");
        var endpoint = await Find(db, id, caller, cancellationToken);
        var ofEndpoint = db.WebhookAttempts.AsNoTracking().Where(a => a.EndpointId == endpoint.Id);
        var filtered = eventId is null ? ofEndpoint : ofEndpoint.Where(a => a.EventId == eventId);
        return TypedResults.Ok(await ListPage.BuildAsync(filtered, ofEndpoint, list, WebhookEndpointMapping.ToWire, cancellationToken));
    }

    private static async Task CheckUrlAsync(string? url, WebhookTargets targets, Validation validation, CancellationToken cancellationToken)
    {
        if (url is not null && await targets.ProblemAsync(url, cancellationToken) is { } problem)
        {
            validation.Add("url", problem.Message, problem.Code);
        }
    }

    private static async Task<WebhookEndpointRecord> Find(PaylinkDbContext db, string id, Caller caller, CancellationToken cancellationToken) =>
        await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id && e.Livemode == caller.Livemode, cancellationToken)
        ?? throw ApiException.Missing("webhook endpoint", id);
}
