using System.Globalization;
using System.Text.Json;
using Paylink.Client;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Promotions;

/// <summary>Stored coupons and promotion codes to their wire shapes.</summary>
public static class PromotionMapping
{
    public static Coupon ToWire(CouponRecord c, CurrencyCatalog currencies, DateTime now) => new()
    {
        Id = c.Id,
        Object = "coupon",
        Livemode = c.Livemode,
        Name = c.Name,
        PercentOff = c.PercentOffHundredths is { } hundredths ? Percent(hundredths) : null,
        AmountOff = c.AmountOff is { } amount && c.CurrencyId is { } currencyId ? Money.Format(amount, currencies.Find(currencyId)!) : null,
        CurrencyId = c.CurrencyId,
        Duration = c.Duration,
        MaxRedemptions = c.MaxRedemptions,
        RedeemBy = UnixSeconds(c.RedeemBy),
        TimesRedeemed = c.TimesRedeemed,
        AppliesTo = c.AppliesToProductsJson is { } json ? new CouponAppliesTo { Products = JsonSerializer.Deserialize<List<string>>(json) ?? [] } : null,
        Valid = !(c.RedeemBy <= now) && !(c.TimesRedeemed >= c.MaxRedemptions),
        Metadata = Metadata.Parse(c.MetadataJson),
        CreatedAt = c.CreatedAt,
        UpdatedAt = c.UpdatedAt,
    };

    public static PromotionCode ToWire(PromotionCodeRecord p, CurrencyCatalog currencies, DateTime now) => new()
    {
        Id = p.Id,
        Object = "promotion_code",
        Livemode = p.Livemode,
        Code = p.Code,
        CouponId = p.CouponId,
        Coupon = p.Coupon is null ? null : ToWire(p.Coupon, currencies, now),
        Active = p.Active,
        MaxRedemptions = p.MaxRedemptions,
        ExpiresAt = UnixSeconds(p.ExpiresAt),
        Restrictions = new PromotionCodeRestrictions
        {
            MinimumAmount = p.MinimumAmount is { } minimum && p.MinimumAmountCurrency is { } currencyId ? Money.Format(minimum, currencies.Find(currencyId)!) : null,
            MinimumAmountCurrency = p.MinimumAmountCurrency,
            FirstTimeTransaction = p.FirstTimeTransaction,
        },
        TimesRedeemed = p.TimesRedeemed,
        Metadata = Metadata.Parse(p.MetadataJson),
        CreatedAt = p.CreatedAt,
        UpdatedAt = p.UpdatedAt,
    };

    /// <summary>12.5 for 1250, 25 for 2500: the shortest exact form.</summary>
    public static decimal Percent(int hundredths) =>
        decimal.Parse((hundredths / 100m).ToString("0.##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static long? UnixSeconds(DateTime? instant) =>
        instant is { } i ? new DateTimeOffset(DateTime.SpecifyKind(i, DateTimeKind.Utc)).ToUnixTimeSeconds() : null;

    public static DateTime FromUnixSeconds(long seconds) => DateTime.UnixEpoch.AddSeconds(seconds);
}
