using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Promotions;

/// <summary>Reads coupon bodies (create and update) into records, with every rule of the contract.</summary>
public static partial class CouponInput
{
    /// <summary>The last second of the year 9999: a bound on every Unix-seconds instant a request may send.</summary>
    public const long MaxUnixSeconds = 253_402_300_799;

    public const int MaxAppliesTo = 100;

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,2})(\.[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex PercentText();

    public static async Task<CouponRecord> ReadCreateAsync(JsonFields f, PaylinkDbContext db, CurrencyCatalog currencies, bool livemode, DateTime now,
        CancellationToken cancellationToken)
    {
        var v = f.Validation;
        var percent = ReadPercent(f);
        var amountValue = f.Value("amount_off");
        var currencyText = f.String("currency_id", min: 1, max: 8);
        long? amountOff = null;
        string? currencyId = null;
        if (percent is not null && (amountValue is not null || currencyText is not null))
        {
            v.Add(amountValue is not null ? "amount_off" : "currency_id", "Send percent_off, or amount_off with currency_id, not both.");
        }
        else if (percent is null && amountValue is null && !f.Has("percent_off"))
        {
            v.Add("percent_off", "percent_off (or amount_off with currency_id) is required.", "parameter_missing");
        }
        else if (amountValue is { } value)
        {
            if (currencyText is null)
            {
                v.Add("currency_id", "currency_id is required with amount_off.", "parameter_missing");
            }
            else if (currencies.Resolve(currencyText, "currency_id", v) is { } currency)
            {
                currencyId = currency.Id;
                amountOff = Money.Read(value, currency, "amount_off", v);
                if (amountOff == 0)
                {
                    v.Add("amount_off", "amount_off must be more than zero.");
                }
            }
        }
        else if (currencyText is not null)
        {
            v.Add("currency_id", "currency_id goes with amount_off only.");
        }

        var duration = f.Enum("duration", ["once", "repeating", "forever"]) ?? "once";
        if (duration != "once")
        {
            v.Add("duration", $"duration '{duration}' needs subscriptions, which Paylink does not have yet; use once.", "parameter_unsupported");
        }

        f.Unsupported("duration_in_months", "currency_options", "id");
        var redeemBy = f.Integer("redeem_by", 1, MaxUnixSeconds);
        if (redeemBy is { } r && PromotionMapping.FromUnixSeconds(r) <= now)
        {
            v.Add("redeem_by", "redeem_by must be in the future (Unix seconds).");
        }

        var coupon = new CouponRecord
        {
            Id = Ids.New("coupon"),
            Livemode = livemode,
            Name = f.String("name", min: 1, max: 255),
            PercentOffHundredths = percent,
            AmountOff = amountOff,
            CurrencyId = currencyId,
            Duration = duration,
            MaxRedemptions = f.Integer("max_redemptions", 1, Money.MaxTotal),
            RedeemBy = redeemBy is { } seconds ? PromotionMapping.FromUnixSeconds(seconds) : null,
            AppliesToProductsJson = await ReadAppliesToAsync(f, db, livemode, cancellationToken),
            MetadataJson = Metadata.ReadForCreate(f) ?? Metadata.Empty,
            CreatedAt = now,
            UpdatedAt = now,
        };
        f.Forbid("times_redeemed", "times_redeemed is read-only.");
        f.Forbid("valid", "valid is read-only: it follows redeem_by and max_redemptions.");
        f.RejectUnknown();
        return coupon;
    }

    /// <summary>0 &lt; x ≤ 100 with at most two decimal places, as hundredths of a percent.</summary>
    private static int? ReadPercent(JsonFields f)
    {
        if (f.Value("percent_off") is not { } value)
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString()!.Trim(),
            _ => null,
        };
        if (text is null || !PercentText().IsMatch(text))
        {
            f.Validation.Add("percent_off", "percent_off must be a number above 0 and at most 100, with at most two decimal places (like 12.5).");
            return null;
        }

        var hundredths = (int)(decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * DiscountMath.WholePercent);
        if (hundredths is <= 0 or > DiscountMath.HundredPercent)
        {
            f.Validation.Add("percent_off", "percent_off must be above 0 and at most 100.");
            return null;
        }

        return hundredths;
    }

    /// <summary><c>applies_to.products</c>: 1–100 distinct products of this mode, stored as a JSON array; null when absent.</summary>
    private static async Task<string?> ReadAppliesToAsync(JsonFields f, PaylinkDbContext db, bool livemode, CancellationToken cancellationToken)
    {
        if (f.Object("applies_to") is not { } appliesTo)
        {
            return null;
        }

        var items = appliesTo.Array("products", 1, MaxAppliesTo, required: true);
        appliesTo.RejectUnknown();
        if (items is null)
        {
            return null;
        }

        var given = new List<(string Id, string Path)>();
        foreach (var (item, path) in items)
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 and <= 64 } id)
            {
                f.Validation.Add(path, $"{path} must be a product id.");
            }
            else if (given.Any(g => g.Id == id))
            {
                f.Validation.Add(path, $"{path} names a product twice.");
            }
            else
            {
                given.Add((id, path));
            }
        }

        var ids = given.Select(g => g.Id).ToList();
        var known = await db.Products.AsNoTracking().Where(p => p.Livemode == livemode && ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var (id, path) in given.Where(g => !known.Contains(g.Id)))
        {
            f.Validation.Add(path, $"No such product: '{id}'.", "resource_missing");
        }

        return JsonSerializer.Serialize(ids);
    }
}
