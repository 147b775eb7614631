using Paylink.Client;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Currencies;

public static class CurrencyMapping
{
    public static PaymentCurrency ToWire(Currency currency, bool livemode) => new()
    {
        Id = currency.Id,
        Object = "payment_currency",
        Livemode = livemode,
        Name = currency.Name,
        Symbol = currency.Symbol,
        Decimal = currency.Decimal,
        Active = currency.Active,
        CreatedAt = CurrencyCatalog.Epoch,
        UpdatedAt = CurrencyCatalog.Epoch,
    };
}
