using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Promotions;

/// <summary>Reads promotion code bodies (create and update), with every rule of the contract.</summary>
public static partial class PromotionCodeInput
{
    // Letters that cannot be mistaken for one another when read aloud or off a flyer.
    private const string GeneratedAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeText();

    public static string GenerateCode() => RandomNumberGenerator.GetString(GeneratedAlphabet, 8);

    /// <summary>The code field of a create: 1–50 letters, digits, <c>-</c> or <c>_</c>; null when absent (one is generated).</summary>
    public static string? ReadCode(JsonFields f)
    {
        var code = f.String("code", min: 1, max: PromotionCheck.MaxCodeLength, trim: true);
        if (code is not null && !CodeText().IsMatch(code))
        {
            f.Validation.Add("code", "code may contain only letters A–Z, digits, '-' and '_'.");
            return null;
        }

        return code;
    }

    /// <summary><c>expires_at</c> in Unix seconds: in the future, and not after the coupon's <c>redeem_by</c>.</summary>
    public static DateTime? ReadExpiresAt(JsonFields f, CouponRecord? coupon, DateTime now)
    {
        if (f.Integer("expires_at", 1, CouponInput.MaxUnixSeconds) is not { } seconds)
        {
            return null;
        }

        var expiresAt = PromotionMapping.FromUnixSeconds(seconds);
        if (expiresAt <= now)
        {
            f.Validation.Add("expires_at", "expires_at must be in the future (Unix seconds).");
        }
        else if (coupon?.RedeemBy is { } redeemBy && expiresAt > redeemBy)
        {
            f.Validation.Add("expires_at", "expires_at cannot be after the coupon's redeem_by.");
        }

        return expiresAt;
    }

    /// <summary>
    /// <c>restrictions</c> onto <paramref name="code"/>: <c>minimum_amount</c> with <c>minimum_amount_currency</c>
    /// (which must be an amount-off coupon's currency), <c>first_time_transaction</c>. Absent or null resets them.
    /// </summary>
    public static void ReadRestrictions(JsonFields f, PromotionCodeRecord code, CouponRecord? coupon, CurrencyCatalog currencies)
    {
        code.MinimumAmount = null;
        code.MinimumAmountCurrency = null;
        code.FirstTimeTransaction = false;
        if (f.Object("restrictions") is not { } r)
        {
            return;
        }

        var v = f.Validation;
        code.FirstTimeTransaction = r.Bool("first_time_transaction") ?? false;
        var amount = r.Value("minimum_amount");
        var currencyText = r.String("minimum_amount_currency", min: 1, max: 8);
        r.Unsupported("currency_options");
        r.RejectUnknown();
        if (amount is null && currencyText is null)
        {
            return;
        }

        if (amount is null || currencyText is null)
        {
            var missing = amount is null ? "minimum_amount" : "minimum_amount_currency";
            v.Add(r.Param(missing), "restrictions.minimum_amount and restrictions.minimum_amount_currency go together.", "parameter_missing");
            return;
        }

        if (currencies.Resolve(currencyText, r.Param("minimum_amount_currency"), v) is not { } currency)
        {
            return;
        }

        if (coupon is { AmountOff: not null } && coupon.CurrencyId != currency.Id)
        {
            v.Add(r.Param("minimum_amount_currency"), $"restrictions.minimum_amount_currency must be the coupon's currency ({coupon.CurrencyId}).");
        }

        code.MinimumAmountCurrency = currency.Id;
        code.MinimumAmount = Money.Read(amount.Value, currency, r.Param("minimum_amount"), v, max: Money.MaxTotal / currency.MinorPerMajor);
        if (code.MinimumAmount == 0)
        {
            v.Add(r.Param("minimum_amount"), "restrictions.minimum_amount must be more than zero.");
        }
    }

    public static ApiException CodeTaken() =>
        ApiException.Invalid("code", "Another active promotion code in this mode already has this code (letter case does not matter).", "promotion_code_taken");
}
