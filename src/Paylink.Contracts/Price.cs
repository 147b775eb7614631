using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Paylink.Client;

/// <summary>How much a product costs, in one currency.</summary>
public sealed class Price : ApiObject
{
    /// <summary>Whether the price can be used in new links and sessions.</summary>
    public bool Active { get; set; }

    /// <summary>The product this price belongs to.</summary>
    public string ProductId { get; set; } = "";

    /// <summary>The currency, a lower-case ISO 4217 code.</summary>
    public string CurrencyId { get; set; } = "";

    /// <summary><c>one_time</c>.</summary>
    public string Type { get; set; } = "one_time";

    /// <summary>The amount per unit as a decimal string in the currency's major unit (<c>"20.00"</c>); null for a customer-chosen amount.</summary>
    public string? UnitAmount { get; set; }

    /// <summary>Set when the customer chooses the amount.</summary>
    public CustomUnitAmount? CustomUnitAmount { get; set; }

    /// <summary>A name for the price that only the merchant sees.</summary>
    public string? Nickname { get; set; }

    /// <summary>A key the merchant can look the price up by, unique per mode among active prices.</summary>
    public string? LookupKey { get; set; }

    /// <summary>The total number of units ever sellable; null means unlimited.</summary>
    public long? QuantityAvailable { get; set; }

    /// <summary>How many units have been sold.</summary>
    public long QuantitySold { get; set; }

    /// <summary>The merchant's own key-value data.</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>The product (expanded on retrieve).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Product? Product { get; set; }

    /// <summary>The currency (expanded on retrieve).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PaymentCurrency? Currency { get; set; }
}

/// <summary>Bounds of an amount the customer chooses (pay what you want, donations).</summary>
public sealed class CustomUnitAmount
{
    /// <summary>The least the customer may pay, as a decimal string.</summary>
    public string? Minimum { get; set; }

    /// <summary>The most the customer may pay, as a decimal string.</summary>
    public string? Maximum { get; set; }

    /// <summary>The amount the page starts at, as a decimal string.</summary>
    public string? Preset { get; set; }
}
