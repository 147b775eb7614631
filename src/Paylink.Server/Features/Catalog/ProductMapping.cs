using System.Text.Json;
using Paylink.Client;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Catalog;

public static class ProductMapping
{
    public static Product ToWire(ProductRecord record, List<Price>? prices = null) => new()
    {
        Id = record.Id,
        Object = "product",
        Livemode = record.Livemode,
        Active = record.Active,
        Name = record.Name,
        Type = record.Type,
        Description = record.Description,
        Images = JsonSerializer.Deserialize<List<string>>(record.ImagesJson) ?? [],
        UnitLabel = record.UnitLabel,
        StatementDescriptor = record.StatementDescriptor,
        DefaultPriceId = record.DefaultPriceId,
        Metadata = Metadata.Parse(record.MetadataJson),
        Prices = prices,
        CreatedAt = record.CreatedAt,
        UpdatedAt = record.UpdatedAt,
    };
}
