using Paylink.Client;
using Paylink.Data.Entities;
using Paylink.Server.Features.Currencies;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Catalog;

public static class PriceMapping
{
    public static Price ToWire(PriceRecord record, CurrencyCatalog currencies, ProductRecord? product = null, bool expandCurrency = false)
    {
        var currency = currencies.Find(record.CurrencyId)!;
        return new Price
        {
            Id = record.Id,
            Object = "price",
            Livemode = record.Livemode,
            Active = record.Active,
            ProductId = record.ProductId,
            CurrencyId = record.CurrencyId,
            Type = record.Type,
            UnitAmount = record.UnitAmount is { } amount ? Money.Format(amount, currency) : null,
            CustomUnitAmount = record.UnitAmount is null
                ? new CustomUnitAmount
                {
                    Minimum = Format(record.CustomMinimum, currency),
                    Maximum = Format(record.CustomMaximum, currency),
                    Preset = Format(record.CustomPreset, currency),
                }
                : null,
            Nickname = record.Nickname,
            LookupKey = record.LookupKey,
            QuantityAvailable = record.QuantityAvailable,
            QuantitySold = record.QuantitySold,
            Metadata = Metadata.Parse(record.MetadataJson),
            Product = product is null ? null : ProductMapping.ToWire(product),
            Currency = expandCurrency ? CurrencyMapping.ToWire(currency, record.Livemode) : null,
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt,
        };
    }

    private static string? Format(long? amount, Currency currency) => amount is { } a ? Money.Format(a, currency) : null;
}
