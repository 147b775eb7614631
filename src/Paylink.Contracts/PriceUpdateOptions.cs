using System.Text.Json.Nodes;

namespace Paylink.Client;

/// <summary>
/// The body of <c>PUT /api/prices/{id}</c>. Amounts, currency and type never change after creation.
/// Only the fields present change, and <c>null</c> clears an optional field; <c>metadata</c> merges.
/// (In the SDK, only the properties you assign are sent, null included.)
/// </summary>
public sealed class PriceUpdateOptions : UpdateOptions
{
    /// <summary>A name only the merchant sees; null removes it.</summary>
    public string? Nickname { get => Get<string>(); set => Set(value); }

    /// <summary>Unique per mode among active prices; null removes it.</summary>
    public string? LookupKey { get => Get<string>(); set => Set(value); }

    /// <summary>Not below the units sold and reserved; null means unlimited.</summary>
    public long? QuantityAvailable { get => Get<long?>(); set => Set(value); }

    /// <summary>Whether the price can be used.</summary>
    public bool? Active { get => Get<bool?>(); set => Set(value); }

    /// <summary>Merged into the stored metadata: a key set to null or "" is removed, others stay; null clears it all.</summary>
    public JsonObject? Metadata { get => Get<JsonObject>(); set => Set(value); }
}
