namespace Paylink.Server.Features.Promotions;

/// <summary>
/// The arithmetic of a discount, in integer minor units. A percent-off discount is
/// half-up(eligible subtotal × percent ÷ 100), rounded once per order at the currency's minor unit
/// (a cent for usd, a yen for jpy); an amount-off discount is capped at the eligible subtotal, so a
/// total never goes below zero. Percentages are held in hundredths of a percent (12.5 % is 1250).
/// </summary>
public static class DiscountMath
{
    public const int WholePercent = 100;
    public const int HundredPercent = 100 * WholePercent;

    /// <summary>The discount of <paramref name="percentHundredths"/> (1–10,000) on <paramref name="eligibleSubtotal"/> minor units, halves rounded up.</summary>
    public static long PercentOff(long eligibleSubtotal, int percentHundredths)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eligibleSubtotal);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percentHundredths);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentHundredths, HundredPercent);

        // Int128: a subtotal of up to 999 units of 20 lines at the largest price, times 10,000, still fits exactly.
        var scaled = (Int128)eligibleSubtotal * percentHundredths;
        return (long)((scaled + (HundredPercent / 2)) / HundredPercent);
    }

    /// <summary>A fixed amount off, never more than what it applies to.</summary>
    public static long AmountOff(long eligibleSubtotal, long amountOff) => Math.Clamp(amountOff, 0, Math.Max(0, eligibleSubtotal));

    /// <summary>
    /// Spreads an order's discount over its eligible lines in proportion to their subtotals, so each line
    /// can show its own total: every line gets the floor of its share, and the minor units left over go one
    /// each to the lines with the largest remainders (the earlier line on a tie). The shares add up to
    /// <paramref name="discount"/> exactly and no line gets more than its subtotal.
    /// </summary>
    public static long[] Spread(long discount, IReadOnlyList<long> eligibleLineSubtotals)
    {
        var shares = new long[eligibleLineSubtotals.Count];
        var total = eligibleLineSubtotals.Sum();
        if (discount <= 0 || total <= 0)
        {
            return shares;
        }

        var remainders = new Int128[shares.Length];
        long given = 0;
        for (var i = 0; i < shares.Length; i++)
        {
            var exact = (Int128)discount * eligibleLineSubtotals[i];
            shares[i] = (long)(exact / total);
            remainders[i] = exact % total;
            given += shares[i];
        }

        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)(discount - given)))
        {
            shares[i]++;
        }

        return shares;
    }
}
