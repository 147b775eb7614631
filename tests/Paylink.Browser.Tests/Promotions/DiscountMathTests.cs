using Paylink.Server.Features.Promotions;

namespace Paylink.Browser.Tests.Promotions;

/// <summary>
/// The discount rule of CHECKOUT.md: percent off = half-up(eligible subtotal × percent ÷ 100) at the
/// currency's minor unit (cents for usd, yen for jpy); amount off capped at the eligible subtotal.
/// Amounts here are minor units; percentages are hundredths of a percent (12.5 % = 1250).
/// </summary>
public sealed class DiscountMathTests
{
    [Theory]
    // usd, in cents
    [InlineData(5, 1000, 1)] // 10 % of $0.05 = 0.5¢ → 1¢ (a half rounds up)
    [InlineData(4, 1000, 0)] // 10 % of $0.04 = 0.4¢ → 0¢
    [InlineData(10, 1500, 2)] // 15 % of $0.10 = 1.5¢ → 2¢
    [InlineData(1999, 1250, 250)] // 12.5 % of $19.99 = 249.875¢ → $2.50
    [InlineData(1990, 1250, 249)] // 12.5 % of $19.90 = 248.75¢ → $2.49
    [InlineData(3, 3333, 1)] // 33.33 % of $0.03 = 0.9999¢ → 1¢
    [InlineData(1, 5000, 1)] // 50 % of one cent = 0.5¢ → 1¢
    [InlineData(1, 4999, 0)] // 49.99 % of one cent → 0¢
    [InlineData(5000, 1, 1)] // 0.01 % of $50.00 = 0.5¢ → 1¢
    [InlineData(4999, 1, 0)] // 0.01 % of $49.99 = 0.4999¢ → 0¢
    [InlineData(0, 5000, 0)] // nothing off nothing
    // jpy, in yen
    [InlineData(15, 1000, 2)] // 10 % of ¥15 = ¥1.5 → ¥2
    [InlineData(14, 1000, 1)] // 10 % of ¥14 = ¥1.4 → ¥1
    [InlineData(1500, 1250, 188)] // 12.5 % of ¥1,500 = ¥187.5 → ¥188
    [InlineData(1, 3333, 0)] // 33.33 % of ¥1 → ¥0
    [InlineData(3, 5000, 2)] // 50 % of ¥3 = ¥1.5 → ¥2
    [InlineData(999_999_999_999, 9999, 999_899_999_999)] // 99.99 % of the largest total, exactly
    public void Percent_off_rounds_half_up_at_the_minor_unit(long eligible, int hundredths, long expected) =>
        Assert.Equal(expected, DiscountMath.PercentOff(eligible, hundredths));

    [Theory]
    [InlineData(1)]
    [InlineData(1999)]
    [InlineData(999_999_999_999)]
    public void Hundred_percent_off_takes_exactly_the_eligible_subtotal(long eligible) =>
        Assert.Equal(eligible, DiscountMath.PercentOff(eligible, DiscountMath.HundredPercent));

    [Theory]
    [InlineData(2000, 500, 500)]
    [InlineData(2000, 2000, 2000)]
    [InlineData(300, 500, 300)] // $5.00 off a $3.00 order: $3.00 off, the total is 0, never negative
    [InlineData(0, 500, 0)]
    public void Amount_off_is_capped_at_the_eligible_subtotal(long eligible, long amountOff, long expected)
    {
        var discount = DiscountMath.AmountOff(eligible, amountOff);
        Assert.Equal(expected, discount);
        Assert.True(eligible - discount >= 0);
    }

    [Fact]
    public void Line_shares_add_up_to_the_discount_exactly_and_never_exceed_a_line()
    {
        // $1.00 off three lines of $0.33, $0.33, $0.34: the odd cent goes to the largest remainder.
        Assert.Equal([33, 33, 34], DiscountMath.Spread(100, [33, 33, 34]));
        // A tie of remainders goes to the earlier line.
        Assert.Equal([2, 1, 1], DiscountMath.Spread(4, [1000, 1000, 1000]));
        // Ineligible lines (subtotal 0 here) get nothing.
        Assert.Equal([0, 250, 0], DiscountMath.Spread(250, [0, 1999, 0]));

        var random = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 20)).Select(_ => (long)random.Next(0, 1_000_000)).ToList();
            var discount = DiscountMath.PercentOff(lines.Sum(), random.Next(1, DiscountMath.HundredPercent + 1));
            var shares = DiscountMath.Spread(discount, lines);
            Assert.Equal(discount, shares.Sum());
            Assert.All(shares.Zip(lines), pair => Assert.InRange(pair.First, 0, pair.Second));
        }
    }
}
