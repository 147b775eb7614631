using System.Text.Json.Serialization;

namespace Paylink.Client;

/// <summary>Fields every Paylink object carries.</summary>
public abstract class ApiObject : IHasId
{
    /// <summary>The object's id, prefixed by its type (for example <c>pl_</c>).</summary>
    [JsonPropertyOrder(-10)]
    public string Id { get; set; } = "";

    /// <summary>The object's type name, for example <c>payment_link</c>.</summary>
    [JsonPropertyOrder(-9)]
    public string Object { get; set; } = "";

    /// <summary>True for live-mode objects, false for test-mode objects.</summary>
    [JsonPropertyOrder(-7)]
    public bool Livemode { get; set; }

    /// <summary>When the object was created (UTC).</summary>
    [JsonPropertyOrder(90), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTime CreatedAt { get; set; }

    /// <summary>When the object last changed (UTC).</summary>
    [JsonPropertyOrder(92), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTime UpdatedAt { get; set; }
}
