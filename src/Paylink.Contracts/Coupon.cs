using System.Text.Json.Nodes;

namespace Paylink.Client;

/// <summary>
/// A discount: a percentage, or a fixed amount in one currency, off an order. Customers reach it through
/// a <see cref="PromotionCode"/>. A percent-off discount is rounded half-up to the currency's minor unit,
/// once per order, over the lines it applies to; an amount-off discount never exceeds those lines' subtotal.
/// </summary>
public sealed class Coupon : ApiObject
{
    /// <summary>A name for the coupon; only the merchant sees it.</summary>
    public string? Name { get; set; }

    /// <summary>The percentage taken off (0 &lt; x ≤ 100, at most two decimal places), or null for an amount-off coupon.</summary>
    public decimal? PercentOff { get; set; }

    /// <summary>The amount taken off as a decimal string in <see cref="CurrencyId"/> (<c>"5.00"</c>), or null for a percent-off coupon.</summary>
    public string? AmountOff { get; set; }

    /// <summary>The currency of <see cref="AmountOff"/>; an amount-off coupon applies only to orders in it.</summary>
    public string? CurrencyId { get; set; }

    /// <summary><c>once</c>: the discount applies to one payment.</summary>
    public string Duration { get; set; } = "once";

    /// <summary>How many completed payments may use the coupon in all (through any of its codes); null for no limit.</summary>
    public long? MaxRedemptions { get; set; }

    /// <summary>The last instant the coupon can be redeemed, in Unix seconds; null for no end.</summary>
    public long? RedeemBy { get; set; }

    /// <summary>How many completed payments used the coupon.</summary>
    public long TimesRedeemed { get; set; }

    /// <summary>The products the coupon is limited to; null when it applies to every product.</summary>
    public CouponAppliesTo? AppliesTo { get; set; }

    /// <summary>Whether the coupon can still be redeemed: not past <see cref="RedeemBy"/> nor <see cref="MaxRedemptions"/>.</summary>
    public bool Valid { get; set; }

    /// <summary>The merchant's own key-value data.</summary>
    public JsonObject Metadata { get; set; } = [];
}

/// <summary>What a coupon is limited to.</summary>
public sealed class CouponAppliesTo
{
    /// <summary>Product ids; the discount is computed over the order's lines of these products only.</summary>
    public List<string> Products { get; set; } = [];
}

/// <summary>A customer-facing code for a <see cref="Coupon"/>, typed on the payment page in any letter case.</summary>
public sealed class PromotionCode : ApiObject
{
    /// <summary>The code customers type; matched regardless of letter case, unique among active codes of a mode.</summary>
    public string Code { get; set; } = "";

    /// <summary>The coupon the code gives.</summary>
    public string CouponId { get; set; } = "";

    /// <summary>The coupon, expanded.</summary>
    public Coupon? Coupon { get; set; }

    /// <summary>Whether customers can use the code.</summary>
    public bool Active { get; set; }

    /// <summary>How many completed payments may use this code; null for no limit.</summary>
    public long? MaxRedemptions { get; set; }

    /// <summary>When the code stops working, in Unix seconds; null for never.</summary>
    public long? ExpiresAt { get; set; }

    /// <summary>Conditions an order must meet.</summary>
    public PromotionCodeRestrictions Restrictions { get; set; } = new();

    /// <summary>How many completed payments used this code.</summary>
    public long TimesRedeemed { get; set; }

    /// <summary>The merchant's own key-value data.</summary>
    public JsonObject Metadata { get; set; } = [];
}

/// <summary>Conditions an order must meet for a promotion code to apply.</summary>
public sealed class PromotionCodeRestrictions
{
    /// <summary>The least subtotal (before discount) as a decimal string in <see cref="MinimumAmountCurrency"/>; null for none.</summary>
    public string? MinimumAmount { get; set; }

    /// <summary>The currency of <see cref="MinimumAmount"/>; orders in other currencies cannot use the code.</summary>
    public string? MinimumAmountCurrency { get; set; }

    /// <summary>Only for a customer's first purchase: no earlier completed checkout with the same email in this mode.</summary>
    public bool FirstTimeTransaction { get; set; }
}

/// <summary>A discount applied to a checkout session.</summary>
public sealed class SessionDiscount
{
    /// <summary>The coupon that gave the discount.</summary>
    public string CouponId { get; set; } = "";

    /// <summary>The promotion code the customer entered.</summary>
    public string? PromotionCodeId { get; set; }

    /// <summary>The code as the merchant wrote it.</summary>
    public string? Code { get; set; }

    /// <summary>The amount taken off the order, as a decimal string.</summary>
    public string Amount { get; set; } = "0";
}
