using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Paylink.Client;

/// <summary>Something that happened to an object, such as <c>payment_link.created</c>; what webhooks deliver.</summary>
public sealed class Event : IHasId
{
    /// <summary>The event's id, <c>evt_…</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Always <c>event</c>.</summary>
    public string Object { get; set; } = "event";

    /// <summary>What happened, for example <c>payment_link.updated</c> or <c>checkout.session.completed</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>True for live-mode events, false for test-mode events.</summary>
    public bool Livemode { get; set; }

    /// <summary>When the event happened (UTC).</summary>
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTime CreatedAt { get; set; }

    /// <summary>The object the event is about.</summary>
    public EventData Data { get; set; } = new();
}

/// <summary>The payload of an <see cref="Event"/>.</summary>
public sealed class EventData
{
    /// <summary>The object as the API showed it when the event happened.</summary>
    public JsonObject Object { get; set; } = [];

    /// <summary>
    /// Reads <see cref="Object"/> as a wire type, for example <c>evt.Data.ObjectAs&lt;PaymentLink&gt;()</c>
    /// for a <c>payment_link.*</c> event.
    /// </summary>
    /// <typeparam name="T">The wire type the event's <c>data.object</c> has.</typeparam>
    /// <exception cref="JsonException">The object does not fit <typeparamref name="T"/>.</exception>
    public T ObjectAs<T>() =>
        Object.Deserialize<T>(PaylinkJson.Options) ?? throw new JsonException($"data.object is not a {typeof(T).Name}.");
}
