using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Paylink.Server.Infrastructure;

/// <summary>
/// Money is integer minor units everywhere inside; on the wire it is a decimal string in the major unit.
/// Amounts are parsed from the JSON text, never through double.
/// </summary>
public static partial class Money
{
    /// <summary>The largest unit amount, 99,999,999.99 in the major unit.</summary>
    public const decimal MaxUnitAmount = 99_999_999.99m;

    /// <summary>The largest total of anything, in minor units.</summary>
    public const long MaxTotal = 1_000_000_000_000;

    /// <summary>The largest unit amount in this currency's minor units (what a chosen amount without a maximum may reach).</summary>
    public static long MaxUnitMinor(Currency currency) => decimal.ToInt64(decimal.Truncate(MaxUnitAmount * currency.MinorPerMajor));

    [GeneratedRegex(@"^-?(0|[1-9][0-9]{0,15})(\.[0-9]{1,12})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalText();

    /// <summary>Reads an amount sent as a string or a JSON number; records a problem and returns null if it is not one.</summary>
    public static long? Read(JsonElement value, Currency currency, string param, Validation validation, decimal max = MaxUnitAmount)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return ReadText(value.GetString()!.Trim(), currency, param, validation, max);
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return ReadText(value.GetRawText(), currency, param, validation, max);
        }

        validation.Add(param, $"{param} must be an amount, as a string like \"20.00\" or a number.");
        return null;
    }

    /// <summary>Reads an amount written as text in the major unit (<c>"20.00"</c>).</summary>
    public static long? ReadText(string text, Currency currency, string param, Validation validation, decimal max = MaxUnitAmount)
    {
        if (!DecimalText().IsMatch(text))
        {
            validation.Add(param, $"{param} must be a plain decimal amount like \"20.00\" (got '{Truncate(text)}').");
            return null;
        }

        var amount = decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var places = text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        if (places > currency.Decimal)
        {
            validation.Add(param, currency.Decimal == 0
                ? $"{param} must be a whole number: {currency.Id} has no minor unit."
                : $"{param} may have at most {currency.Decimal} decimal places for {currency.Id}.");
            return null;
        }

        if (amount < 0)
        {
            validation.Add(param, $"{param} must not be negative.");
            return null;
        }

        if (amount > max)
        {
            validation.Add(param, $"{param} must be at most {Format(ToMinor(max, currency), currency)}.");
            return null;
        }

        return ToMinor(amount, currency);
    }

    /// <summary>The wire form: exactly the currency's number of places, invariant culture, no grouping.</summary>
    public static string Format(long minor, Currency currency)
    {
        if (currency.Decimal == 0)
        {
            return minor.ToString(CultureInfo.InvariantCulture);
        }

        var sign = minor < 0 ? "-" : "";
        var abs = Math.Abs(minor);
        var major = abs / currency.MinorPerMajor;
        var fraction = abs % currency.MinorPerMajor;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{major}.{fraction.ToString(CultureInfo.InvariantCulture).PadLeft(currency.Decimal, '0')}");
    }

    private static long ToMinor(decimal amount, Currency currency) =>
        decimal.ToInt64(decimal.Round(amount * currency.MinorPerMajor, 0));

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
