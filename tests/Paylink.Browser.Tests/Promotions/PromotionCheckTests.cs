using Paylink.Data.Entities;
using Paylink.Server.Features.Promotions;

namespace Paylink.Browser.Tests.Promotions;

/// <summary>Which orders a code applies to, decided from the code, its coupon and the order's lines.</summary>
public sealed class PromotionCheckTests
{
    private static readonly DateTime Now = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    private static PromotionCandidate Candidate(CouponRecord coupon, Action<PromotionCodeRecord>? configure = null, bool? paidBefore = null)
    {
        var code = new PromotionCodeRecord { Id = "promo_1", Code = "SAVE", CodeKey = "SAVE", CouponId = coupon.Id, Coupon = coupon };
        configure?.Invoke(code);
        return new PromotionCandidate("save", code, paidBefore);
    }

    private static CouponRecord Percent(int hundredths) => new() { Id = "coupon_1", PercentOffHundredths = hundredths };

    private static CouponRecord AmountOff(long amount, string currency) => new() { Id = "coupon_1", AmountOff = amount, CurrencyId = currency };

    [Fact]
    public void An_amount_off_coupon_in_another_currency_does_not_apply()
    {
        var (applied, refusal) = PromotionCheck.Evaluate(Candidate(AmountOff(500, "eur")), [new DiscountLine("prod_a", 2000, 1)], "usd", Now);
        Assert.Null(applied);
        Assert.Equal(PromotionRefusal.WrongCurrency, refusal);

        var (inEuro, _) = PromotionCheck.Evaluate(Candidate(AmountOff(500, "eur")), [new DiscountLine("prod_a", 2000, 1)], "eur", Now);
        Assert.Equal(500, inEuro!.Amount);
    }

    [Fact]
    public void Amount_off_larger_than_the_order_takes_the_order_to_zero_not_below()
    {
        var (applied, _) = PromotionCheck.Evaluate(Candidate(AmountOff(5000, "usd")), [new DiscountLine("prod_a", 1200, 1), new DiscountLine("prod_b", 300, 3)], "usd", Now);
        Assert.Equal(1500, applied!.Amount);
        Assert.Equal([1200, 300], applied.LineDiscounts);
    }

    [Fact]
    public void A_coupon_for_some_products_is_computed_once_over_their_lines_only()
    {
        var coupon = Percent(1250);
        coupon.AppliesToProductsJson = "[\"prod_a\",\"prod_c\"]";
        var lines = new[] { new DiscountLine("prod_a", 999, 1), new DiscountLine("prod_b", 5000, 1), new DiscountLine("prod_c", 1000, 2) };

        var (applied, _) = PromotionCheck.Evaluate(Candidate(coupon), lines, "usd", Now);

        // 12.5 % of (9.99 + 10.00) = 2.49875 → 2.50, once; per line it would have been 1.25 + 1.25 = 2.50 by luck, so check the shares too.
        Assert.Equal(250, applied!.Amount);
        Assert.Equal(250, applied.LineDiscounts.Sum());
        Assert.Equal(0, applied.LineDiscounts[1]);

        var (none, refusal) = PromotionCheck.Evaluate(Candidate(coupon), [new DiscountLine("prod_b", 5000, 1)], "usd", Now);
        Assert.Null(none);
        Assert.Equal(PromotionRefusal.NotForProducts, refusal);
    }

    [Fact]
    public void The_minimum_is_checked_against_the_subtotal_before_discount()
    {
        var candidate = Candidate(Percent(5000), c => { c.MinimumAmount = 2000; c.MinimumAmountCurrency = "usd"; });
        Assert.Equal(PromotionRefusal.BelowMinimum, PromotionCheck.Evaluate(candidate, [new DiscountLine("prod_a", 1999, 1)], "usd", Now).Refusal);
        // Exactly the minimum qualifies, although the total after discount (10.00) is below it.
        Assert.Equal(1000, PromotionCheck.Evaluate(candidate, [new DiscountLine("prod_a", 2000, 1)], "usd", Now).Applied!.Amount);
        Assert.Equal(PromotionRefusal.WrongCurrency, PromotionCheck.Evaluate(candidate, [new DiscountLine("prod_a", 5000, 1)], "jpy", Now).Refusal);
    }

    [Fact]
    public void Limits_count_redemptions_made_and_held_and_expiry_is_exclusive()
    {
        Assert.Equal(PromotionRefusal.UsedUp, PromotionCheck.Evaluate(Candidate(Percent(1000), c => { c.MaxRedemptions = 3; c.TimesRedeemed = 1; c.RedemptionsReserved = 2; }),
            [new DiscountLine("prod_a", 100, 1)], "usd", Now).Refusal);
        var coupon = Percent(1000);
        coupon.MaxRedemptions = 1;
        coupon.TimesRedeemed = 1;
        Assert.Equal(PromotionRefusal.UsedUp, PromotionCheck.Evaluate(Candidate(coupon), [new DiscountLine("prod_a", 100, 1)], "usd", Now).Refusal);
        Assert.Equal(PromotionRefusal.Expired, PromotionCheck.Evaluate(Candidate(Percent(1000), c => c.ExpiresAt = Now), [new DiscountLine("prod_a", 100, 1)], "usd", Now).Refusal);
        Assert.NotNull(PromotionCheck.Evaluate(Candidate(Percent(1000), c => c.ExpiresAt = Now.AddSeconds(1)), [new DiscountLine("prod_a", 100, 1)], "usd", Now).Applied);
        Assert.Equal(PromotionRefusal.Inactive, PromotionCheck.Evaluate(Candidate(Percent(1000), c => c.Active = false), [new DiscountLine("prod_a", 100, 1)], "usd", Now).Refusal);
    }

    [Fact]
    public void A_first_purchase_code_is_refused_only_to_a_buyer_who_paid_before()
    {
        var lines = new[] { new DiscountLine("prod_a", 100, 1) };
        Assert.Equal(PromotionRefusal.NotFirstPurchase,
            PromotionCheck.Evaluate(Candidate(Percent(1000), c => c.FirstTimeTransaction = true, paidBefore: true), lines, "usd", Now).Refusal);
        Assert.NotNull(PromotionCheck.Evaluate(Candidate(Percent(1000), c => c.FirstTimeTransaction = true, paidBefore: false), lines, "usd", Now).Applied);
        Assert.Equal(PromotionRefusal.Unknown, PromotionCheck.Evaluate(new PromotionCandidate("nope", null, null), lines, "usd", Now).Refusal);
    }
}
