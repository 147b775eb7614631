namespace Paylink.Data.Entities;

public sealed class ProductRecord
{
    public required string Id { get; set; }
    public bool Livemode { get; set; }
    public bool Active { get; set; } = true;
    public required string Name { get; set; }
    public string Type { get; set; } = "service";
    public string? Description { get; set; }
    public string ImagesJson { get; set; } = "[]";
    public string? UnitLabel { get; set; }
    public string? StatementDescriptor { get; set; }
    public string? DefaultPriceId { get; set; }
    public string MetadataJson { get; set; } = "{}";

    /// <summary>Set once any price of the product is used by a link or session; such a product can no longer be deleted.</summary>
    public bool Used { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
