using System.Text.Json.Nodes;

namespace Paylink.Client;

/// <summary>
/// The body of <c>PUT /api/products/{id}</c>: only the fields present change, and <c>null</c> clears an
/// optional field; <c>metadata</c> merges. (In the SDK, only the properties you assign are sent, null included.)
/// </summary>
public sealed class ProductUpdateOptions : UpdateOptions
{
    /// <summary>1–255 characters.</summary>
    public string? Name { get => Get<string>(); set => Set(value); }

    /// <summary><c>service</c> or <c>good</c>.</summary>
    public string? Type { get => Get<string>(); set => Set(value); }

    /// <summary>Shown on the payment page; null removes it.</summary>
    public string? Description { get => Get<string>(); set => Set(value); }

    /// <summary>Image URLs (replaces the list).</summary>
    public List<string>? Images { get => Get<List<string>>(); set => Set(value); }

    /// <summary>A label for one unit; null removes it.</summary>
    public string? UnitLabel { get => Get<string>(); set => Set(value); }

    /// <summary>For the customer's statement; null removes it.</summary>
    public string? StatementDescriptor { get => Get<string>(); set => Set(value); }

    /// <summary>One of the product's prices.</summary>
    public string? DefaultPriceId { get => Get<string>(); set => Set(value); }

    /// <summary>Whether the product can be sold.</summary>
    public bool? Active { get => Get<bool?>(); set => Set(value); }

    /// <summary>Merged into the stored metadata: a key set to null or "" is removed, others stay; null clears it all.</summary>
    public JsonObject? Metadata { get => Get<JsonObject>(); set => Set(value); }
}
