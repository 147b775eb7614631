using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Catalog;

/// <summary>Reads price bodies (create and update) into records, with every rule of the contract.</summary>
public static class PriceInput
{
    public const int MaxLookupKey = 200;

    /// <summary>A price create body; <paramref name="nested"/> is a price inside a product create, which has no <c>product_id</c>.</summary>
    public static PriceRecord? ReadCreate(JsonFields f, CurrencyCatalog currencies, bool livemode, bool nested)
    {
        var productId = nested ? null : f.String("product_id", required: true, min: 1, max: 64);
        if (nested)
        {
            f.Forbid("product_id", $"{f.Param("product_id")} is set by the product this price is created with.");
        }

        var currency = currencies.Resolve(f.String("currency_id", required: true, min: 1, max: 8), f.Param("currency_id"), f.Validation);
        var type = f.Enum("type", ["one_time", "recurring"]) ?? "one_time";
        if (type == "recurring")
        {
            f.Validation.Add(f.Param("type"), "Recurring prices are not supported until subscriptions exist; use type one_time.", "recurring_not_supported");
        }

        f.Unsupported("recurring", "billing_scheme", "tiers", "tiers_mode", "transform_quantity", "tax_behavior", "currency_options", "product_data");
        var unitAmountValue = f.Value("unit_amount");
        var custom = f.Object("custom_unit_amount");
        long? unitAmount = null;
        long? min = null, max = null, preset = null;
        if (currency is not null)
        {
            if (unitAmountValue is { } ua)
            {
                unitAmount = Money.Read(ua, currency, f.Param("unit_amount"), f.Validation);
            }

            if (custom is not null)
            {
                min = ReadAmount(custom, "minimum", currency);
                max = ReadAmount(custom, "maximum", currency);
                preset = ReadAmount(custom, "preset", currency);
                custom.Forbid("enabled", $"{custom.Param("enabled")} is implied: sending custom_unit_amount enables it.");
                custom.RejectUnknown();
                if (min is { } lo && max is { } hi && lo > hi)
                {
                    f.Validation.Add(custom.Param("minimum"), "custom_unit_amount.minimum must not exceed custom_unit_amount.maximum.");
                }

                if (preset is { } p && ((min is { } lo2 && p < lo2) || (max is { } hi2 && p > hi2)))
                {
                    f.Validation.Add(custom.Param("preset"), "custom_unit_amount.preset must lie between the minimum and the maximum.");
                }
            }
        }

        if (unitAmountValue is not null && custom is not null)
        {
            f.Validation.Add(f.Param("custom_unit_amount"), "Send unit_amount or custom_unit_amount, not both.");
        }
        else if (unitAmountValue is null && custom is null)
        {
            f.Validation.Add(f.Param("unit_amount"), $"{f.Param("unit_amount")} is required (or custom_unit_amount, to let the customer choose).", "parameter_missing");
        }

        var record = new PriceRecord
        {
            Id = Ids.New("price"),
            Livemode = livemode,
            ProductId = productId ?? "",
            CurrencyId = currency?.Id ?? "",
            Type = type,
            UnitAmount = unitAmount,
            CustomMinimum = min,
            CustomMaximum = max,
            CustomPreset = preset,
            Nickname = f.String("nickname", max: 255),
            LookupKey = f.String("lookup_key", min: 1, max: MaxLookupKey),
            QuantityAvailable = f.Integer("quantity_available", 0, Money.MaxTotal),
            Active = f.Bool("active") ?? true,
            MetadataJson = Metadata.ReadForCreate(f) ?? Metadata.Empty,
        };
        f.Forbid("quantity_sold", $"{f.Param("quantity_sold")} is read-only.");
        f.RejectUnknown();
        return record;
    }

    private static long? ReadAmount(JsonFields f, string name, Currency currency) =>
        f.Value(name) is { } value ? Money.Read(value, currency, f.Param(name), f.Validation) : null;
}
