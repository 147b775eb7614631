using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Paylink.Client;

/// <summary>A URL that receives the events of one mode, signed by the Standard Webhooks scheme.</summary>
public sealed class WebhookEndpoint : ApiObject
{
    /// <summary>Where deliveries are posted: an absolute http(s) URL.</summary>
    public string Url { get; set; } = "";

    /// <summary>The event types sent to this endpoint: <c>["*"]</c> for all, or a list such as <c>["checkout.session.completed"]</c>.</summary>
    public List<string> EnabledEvents { get; set; } = [];

    /// <summary>The merchant's note about the endpoint.</summary>
    public string? Description { get; set; }

    /// <summary><c>enabled</c>, or <c>disabled</c> (nothing is sent).</summary>
    public string Status { get; set; } = "enabled";

    /// <summary>True once a delivery failed past its last retry; the next successful delivery clears it.</summary>
    public bool Failing { get; set; }

    /// <summary>The merchant's own key-value data.</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>
    /// The signing secret, <c>whsec_…</c>: returned only by create, so keep it then. Check deliveries
    /// with it using <c>WebhookVerifier</c>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; set; }
}

/// <summary>One try to deliver an event to a webhook endpoint.</summary>
public sealed class WebhookAttempt : ApiObject
{
    /// <summary>The endpoint the event was sent to.</summary>
    public string WebhookEndpointId { get; set; } = "";

    /// <summary>The event sent; also the delivery's <c>webhook-id</c> header.</summary>
    public string EventId { get; set; } = "";

    /// <summary>The event's type.</summary>
    public string EventType { get; set; } = "";

    /// <summary>1 for the first try of this event at this endpoint, 2 for the next, and so on.</summary>
    public int Attempt { get; set; }

    /// <summary>True when the endpoint answered 2xx.</summary>
    public bool Succeeded { get; set; }

    /// <summary>The HTTP status the endpoint answered; null when no answer came.</summary>
    public int? StatusCode { get; set; }

    /// <summary>How long the try took, in milliseconds.</summary>
    public long DurationMs { get; set; }

    /// <summary>The start of the endpoint's answer (at most 1 KiB); null for an endpoint on a loopback, link-local or private address.</summary>
    public string? ResponseBody { get; set; }

    /// <summary>Why no answer came: a timeout, a refused connection, a refused address.</summary>
    public string? Error { get; set; }

    /// <summary>When the next try is due; null when none follows (success, or no retry left).</summary>
    [JsonConverter(typeof(NullableUtcTimestampConverter))]
    public DateTime? NextRetryAt { get; set; }
}
