using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Paylink.Client;

/// <summary>The body of <c>POST /api/coupons</c>: <see cref="PercentOff"/>, or <see cref="AmountOff"/> with <see cref="CurrencyId"/>.</summary>
public sealed class CouponCreateOptions
{
    /// <summary>0 &lt; x ≤ 100, at most two decimal places.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? PercentOff { get; set; }

    /// <summary>A positive amount as a decimal string (<c>"5.00"</c>); needs <see cref="CurrencyId"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AmountOff { get; set; }

    /// <summary>The currency of <see cref="AmountOff"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CurrencyId { get; set; }

    /// <summary>Up to 255 characters; only the merchant sees it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; set; }

    /// <summary><c>once</c> (the default and, until subscriptions exist, the only choice).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Duration { get; set; }

    /// <summary>How many completed payments may use the coupon in all.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? MaxRedemptions { get; set; }

    /// <summary>A future instant in Unix seconds after which the coupon cannot be redeemed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? RedeemBy { get; set; }

    /// <summary>Limits the coupon to some products.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CouponAppliesTo? AppliesTo { get; set; }

    /// <summary>The merchant's key-value data.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Metadata { get; set; }
}

/// <summary>
/// The body of <c>PUT /api/coupons/{id}</c>. What a coupon takes off (percent, amount, currency,
/// products, duration) never changes; create a new coupon instead. Only the fields present change.
/// </summary>
public sealed class CouponUpdateOptions : UpdateOptions
{
    /// <summary>Up to 255 characters; null removes it.</summary>
    public string? Name { get => Get<string>(); set => Set(value); }

    /// <summary>Not below the redemptions made and held; null removes the limit.</summary>
    public long? MaxRedemptions { get => Get<long?>(); set => Set(value); }

    /// <summary>Unix seconds; null removes the end.</summary>
    public long? RedeemBy { get => Get<long?>(); set => Set(value); }

    /// <summary>Merged into the stored metadata: a key set to null or "" is removed, others stay; null clears it all.</summary>
    public JsonObject? Metadata { get => Get<JsonObject>(); set => Set(value); }
}

/// <summary>The body of <c>POST /api/promotion-codes</c>.</summary>
public sealed class PromotionCodeCreateOptions
{
    /// <summary>Required: the coupon the code gives.</summary>
    public string CouponId { get; set; } = "";

    /// <summary>1–50 letters, digits, <c>-</c> or <c>_</c>; generated when left out. Unique among active codes regardless of case.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Code { get; set; }

    /// <summary>Default true.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Active { get; set; }

    /// <summary>How many completed payments may use this code.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? MaxRedemptions { get; set; }

    /// <summary>A future instant in Unix seconds, not after the coupon's <c>redeem_by</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ExpiresAt { get; set; }

    /// <summary>Conditions an order must meet.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PromotionCodeRestrictions? Restrictions { get; set; }

    /// <summary>The merchant's key-value data.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Metadata { get; set; }
}

/// <summary>
/// The body of <c>PUT /api/promotion-codes/{id}</c>. The code and its coupon never change. Only the
/// fields present change; <see cref="Restrictions"/> given replaces the stored ones whole.
/// </summary>
public sealed class PromotionCodeUpdateOptions : UpdateOptions
{
    /// <summary>Whether customers can use the code; reactivating fails if another active code has the same spelling.</summary>
    public bool? Active { get => Get<bool?>(); set => Set(value); }

    /// <summary>Not below the redemptions made and held; null removes the limit.</summary>
    public long? MaxRedemptions { get => Get<long?>(); set => Set(value); }

    /// <summary>Unix seconds; null removes the end.</summary>
    public long? ExpiresAt { get => Get<long?>(); set => Set(value); }

    /// <summary>Replaces the restrictions; null removes them all.</summary>
    public PromotionCodeRestrictions? Restrictions { get => Get<PromotionCodeRestrictions>(); set => Set(value); }

    /// <summary>Merged into the stored metadata: a key set to null or "" is removed, others stay; null clears it all.</summary>
    public JsonObject? Metadata { get => Get<JsonObject>(); set => Set(value); }
}
