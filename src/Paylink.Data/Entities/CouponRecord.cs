namespace Paylink.Data.Entities;

public sealed class CouponRecord
{
    public required string Id { get; set; }
    public bool Livemode { get; set; }
    public string? Name { get; set; }

    /// <summary>Percent off in hundredths of a percent (12.5 % is 1250), so the discount is integer arithmetic; null for an amount-off coupon.</summary>
    public int? PercentOffHundredths { get; set; }

    /// <summary>Minor units of <see cref="CurrencyId"/>; null for a percent-off coupon.</summary>
    public long? AmountOff { get; set; }

    public string? CurrencyId { get; set; }
    public string Duration { get; set; } = "once";
    public long? MaxRedemptions { get; set; }
    public long TimesRedeemed { get; set; }

    /// <summary>Redemptions held by checkout sessions that are paying now.</summary>
    public long RedemptionsReserved { get; set; }

    public DateTime? RedeemBy { get; set; }

    /// <summary>The product ids the coupon is limited to (JSON array); null applies to every product.</summary>
    public string? AppliesToProductsJson { get; set; }

    public string MetadataJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
