using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Paylink.Client;

/// <summary>Something a merchant sells.</summary>
public sealed class Product : ApiObject
{
    /// <summary>Whether the product can be sold.</summary>
    public bool Active { get; set; }

    /// <summary>The name customers see.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>service</c> or <c>good</c>.</summary>
    public string Type { get; set; } = "service";

    /// <summary>A description customers see on the payment page.</summary>
    public string? Description { get; set; }

    /// <summary>Image URLs; the first is shown on the payment page.</summary>
    public List<string> Images { get; set; } = [];

    /// <summary>A label for one unit, for example <c>seat</c>.</summary>
    public string? UnitLabel { get; set; }

    /// <summary>What appears on the customer's card statement.</summary>
    public string? StatementDescriptor { get; set; }

    /// <summary>The id of the product's default price.</summary>
    public string? DefaultPriceId { get; set; }

    /// <summary>The merchant's own key-value data.</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>The product's prices (on retrieve).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<Price>? Prices { get; set; }
}
