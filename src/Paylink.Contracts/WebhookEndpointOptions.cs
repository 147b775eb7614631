using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Paylink.Client;

/// <summary>The body of <c>POST /api/webhook-endpoints</c>.</summary>
public sealed class WebhookEndpointCreateOptions
{
    /// <summary>Required: an absolute http(s) URL. Live mode refuses loopback, link-local and private addresses.</summary>
    public string Url { get; set; } = "";

    /// <summary>Required: <c>["*"]</c> for every event, or a list of event types.</summary>
    public List<string> EnabledEvents { get; set; } = ["*"];

    /// <summary>A note for the merchant, at most 500 characters.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; set; }

    /// <summary><c>enabled</c> (default) or <c>disabled</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; set; }

    /// <summary>The merchant's key-value data.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Metadata { get; set; }
}

/// <summary>
/// The body of <c>PUT /api/webhook-endpoints/{id}</c>: only the fields present change; <c>metadata</c>
/// merges. (In the SDK, only the properties you assign are sent, null included.)
/// </summary>
public sealed class WebhookEndpointUpdateOptions : UpdateOptions
{
    /// <summary>A new URL, under the same rules as on create.</summary>
    public string? Url { get => Get<string>(); set => Set(value); }

    /// <summary>Replaces the list of event types.</summary>
    public List<string>? EnabledEvents { get => Get<List<string>>(); set => Set(value); }

    /// <summary>null removes it.</summary>
    public string? Description { get => Get<string>(); set => Set(value); }

    /// <summary><c>enabled</c> or <c>disabled</c>.</summary>
    public string? Status { get => Get<string>(); set => Set(value); }

    /// <summary>Merged into the stored metadata: a key set to null or "" is removed, others stay; null clears it all.</summary>
    public JsonObject? Metadata { get => Get<JsonObject>(); set => Set(value); }
}

/// <summary>The body of <c>POST /api/events/{id}/retry</c>.</summary>
public sealed class EventRetryOptions
{
    /// <summary>Send to this endpoint only; by default to every enabled endpoint of the mode that listens for the event's type.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WebhookEndpointId { get; set; }
}
