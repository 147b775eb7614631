using Paylink.Client;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Webhooks;

public static class WebhookEndpointMapping
{
    public static WebhookEndpoint ToWire(WebhookEndpointRecord e, string? secret = null) => new()
    {
        Id = e.Id,
        Object = "webhook_endpoint",
        Livemode = e.Livemode,
        Url = e.Url,
        EnabledEvents = e.EnabledEvents,
        Description = e.Description,
        Status = e.Status.Stored(),
        Failing = e.Failing,
        Metadata = Metadata.Parse(e.MetadataJson),
        Secret = secret,
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.UpdatedAt,
    };

    public static WebhookAttempt ToWire(WebhookAttemptRecord a) => new()
    {
        Id = a.Id,
        Object = "webhook_attempt",
        Livemode = a.Livemode,
        WebhookEndpointId = a.EndpointId,
        EventId = a.EventId,
        EventType = a.EventType,
        Attempt = a.Attempt,
        Succeeded = a.Succeeded,
        StatusCode = a.StatusCode,
        DurationMs = a.DurationMs,
        ResponseBody = a.ResponseExcerpt,
        Error = a.Error,
        NextRetryAt = a.NextRetryAt,
        CreatedAt = a.CreatedAt,
        UpdatedAt = a.UpdatedAt,
    };
}
