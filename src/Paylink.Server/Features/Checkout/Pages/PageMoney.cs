using System.Globalization;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// Amounts as a customer reads them: the currency's symbol and number of decimals, grouped
/// thousands (<c>$1,234.50</c>, <c>¥1,500</c>, <c>￥20.00</c>) — the same in English and Chinese.
/// </summary>
public static class PageMoney
{
    public static string Format(long minor, Currency currency)
    {
        var major = (decimal)minor / currency.MinorPerMajor;
        var number = major.ToString("N" + currency.Decimal.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return currency.Symbol + number;
    }
}
