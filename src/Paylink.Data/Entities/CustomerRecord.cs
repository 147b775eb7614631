namespace Paylink.Data.Entities;

public sealed class CustomerRecord
{
    public required string Id { get; set; }
    public bool Livemode { get; set; }

    /// <summary>Lower-cased; unique per mode, so two concurrent payments with one email make one customer.</summary>
    public string? Email { get; set; }

    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? AddressJson { get; set; }
    public string MetadataJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
