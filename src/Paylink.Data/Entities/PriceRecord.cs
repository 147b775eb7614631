namespace Paylink.Data.Entities;

public sealed class PriceRecord
{
    public required string Id { get; set; }
    public bool Livemode { get; set; }
    public bool Active { get; set; } = true;
    public required string ProductId { get; set; }
    public required string CurrencyId { get; set; }
    public string Type { get; set; } = "one_time";

    /// <summary>Minor units; null when the customer chooses the amount.</summary>
    public long? UnitAmount { get; set; }

    public long? CustomMinimum { get; set; }
    public long? CustomMaximum { get; set; }
    public long? CustomPreset { get; set; }
    public string? Nickname { get; set; }
    public string? LookupKey { get; set; }
    public long? QuantityAvailable { get; set; }
    public long QuantitySold { get; set; }

    /// <summary>Units held by checkout sessions that are paying now.</summary>
    public long QuantityReserved { get; set; }

    public string MetadataJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public ProductRecord? Product { get; set; }
}
