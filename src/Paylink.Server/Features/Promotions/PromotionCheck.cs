using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;

namespace Paylink.Server.Features.Promotions;

/// <summary>Why a promotion code does not apply to an order; each has a message on the payment page.</summary>
public enum PromotionRefusal
{
    Unknown,
    Inactive,
    Expired,
    UsedUp,
    WrongCurrency,
    NotForProducts,
    BelowMinimum,
    NotFirstPurchase,
    NotAllowed,
}

/// <summary>A line of an order as a discount sees it.</summary>
public sealed record DiscountLine(string ProductId, long Subtotal, int Quantity);

/// <summary>The discount a code gives an order: the total taken off and each line's share (in the order's line order).</summary>
public sealed record AppliedPromotion(PromotionCodeRecord Code, CouponRecord Coupon, long Amount, IReadOnlyList<long> LineDiscounts);

/// <summary>What the database says about a typed code: the code (if any), and whether the buyer paid before.</summary>
public sealed record PromotionCandidate(string Typed, PromotionCodeRecord? Code, bool? BuyerPaidBefore);

/// <summary>
/// Decides whether a promotion code applies to an order, in a fixed order of reasons: unknown, inactive,
/// expired, used up, wrong currency, not for these products, below the minimum, not a first purchase.
/// The facts are read first (<see cref="FindAsync"/>), the decision is pure (<see cref="Evaluate"/>); the
/// reservation at payment re-checks the limits with guarded updates, so this is never the last word.
/// </summary>
public static class PromotionCheck
{
    public const int MaxCodeLength = 50;

    /// <summary>The spelling every comparison uses: trimmed and upper-cased, so customers may type any case.</summary>
    public static string Key(string code) => code.Trim().ToUpperInvariant();

    public static async Task<PromotionCandidate> FindAsync(PaylinkDbContext db, bool livemode, string typed, string? email, CancellationToken cancellationToken)
    {
        var key = Key(typed);
        if (key.Length is 0 or > MaxCodeLength)
        {
            return new PromotionCandidate(typed, null, null);
        }

        // An active code wins over inactive ones of the same spelling; among inactive ones, the newest tells.
        var code = await db.PromotionCodes.AsNoTracking().Include(p => p.Coupon)
            .Where(p => p.Livemode == livemode && p.CodeKey == key)
            .OrderByDescending(p => p.Active).ThenByDescending(p => p.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        bool? paidBefore = null;
        var buyer = NormalizeEmail(email);
        if (code is { FirstTimeTransaction: true } && buyer is not null)
        {
            paidBefore = await db.CheckoutSessions.AnyAsync(s => s.Livemode == livemode && s.BuyerEmail == buyer && s.Status == CheckoutSessionStatus.Complete, cancellationToken);
        }

        return new PromotionCandidate(typed, code, paidBefore);
    }

    public static string? NormalizeEmail(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>The discount the code gives these lines in <paramref name="currencyId"/>, or why it gives none.</summary>
    public static (AppliedPromotion? Applied, PromotionRefusal? Refusal) Evaluate(PromotionCandidate candidate, IReadOnlyList<DiscountLine> lines,
        string currencyId, DateTime now)
    {
        if (candidate.Code is not { Coupon: { } coupon } code)
        {
            return (null, PromotionRefusal.Unknown);
        }

        if (StateRefusal(code, coupon, now, countHeld: true) is { } refusal)
        {
            return (null, refusal);
        }

        if ((coupon.AmountOff is not null && coupon.CurrencyId != currencyId)
            || (code.MinimumAmountCurrency is not null && code.MinimumAmountCurrency != currencyId))
        {
            return (null, PromotionRefusal.WrongCurrency);
        }

        var products = AppliesTo(coupon);
        var eligible = lines.Select(l => l.Quantity > 0 && (products is null || products.Contains(l.ProductId))).ToList();
        if (!eligible.Contains(true))
        {
            return (null, PromotionRefusal.NotForProducts);
        }

        if (code.MinimumAmount is { } minimum && lines.Sum(l => l.Subtotal) < minimum)
        {
            return (null, PromotionRefusal.BelowMinimum);
        }

        if (code.FirstTimeTransaction && candidate.BuyerPaidBefore == true)
        {
            return (null, PromotionRefusal.NotFirstPurchase);
        }

        var eligibleSubtotals = lines.Select((l, i) => eligible[i] ? l.Subtotal : 0).ToList();
        var eligibleSubtotal = eligibleSubtotals.Sum();
        var amount = coupon.PercentOffHundredths is { } percent
            ? DiscountMath.PercentOff(eligibleSubtotal, percent)
            : DiscountMath.AmountOff(eligibleSubtotal, coupon.AmountOff ?? 0);
        return (new AppliedPromotion(code, coupon, amount, DiscountMath.Spread(amount, eligibleSubtotals)), null);
    }

    /// <summary>
    /// Inactive, expired or used up, judged from the code and coupon rows alone. <paramref name="countHeld"/>
    /// counts redemptions held by customers paying right now, as the reservation will.
    /// </summary>
    public static PromotionRefusal? StateRefusal(PromotionCodeRecord code, CouponRecord coupon, DateTime now, bool countHeld)
    {
        if (!code.Active)
        {
            return PromotionRefusal.Inactive;
        }

        if (code.ExpiresAt <= now || coupon.RedeemBy <= now)
        {
            return PromotionRefusal.Expired;
        }

        var codeUsed = code.TimesRedeemed + (countHeld ? code.RedemptionsReserved : 0);
        var couponUsed = coupon.TimesRedeemed + (countHeld ? coupon.RedemptionsReserved : 0);
        return codeUsed >= code.MaxRedemptions || couponUsed >= coupon.MaxRedemptions ? PromotionRefusal.UsedUp : null;
    }

    public static HashSet<string>? AppliesTo(CouponRecord coupon) =>
        coupon.AppliesToProductsJson is { } json ? JsonSerializer.Deserialize<List<string>>(json)?.ToHashSet(StringComparer.Ordinal) : null;

    /// <summary>The page's message key for a refusal.</summary>
    public static string MessageKey(PromotionRefusal refusal) => refusal switch
    {
        PromotionRefusal.Unknown => "promo_unknown",
        PromotionRefusal.Inactive => "promo_inactive",
        PromotionRefusal.Expired => "promo_expired",
        PromotionRefusal.UsedUp => "promo_used_up",
        PromotionRefusal.WrongCurrency => "promo_currency",
        PromotionRefusal.NotForProducts => "promo_products",
        PromotionRefusal.BelowMinimum => "promo_minimum",
        PromotionRefusal.NotFirstPurchase => "promo_first_time",
        _ => "promo_not_allowed",
    };
}
