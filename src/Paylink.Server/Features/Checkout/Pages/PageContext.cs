using Paylink.Client;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.PaymentLinks;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>One offered line: the link's (or session's) item with its stored price and product.</summary>
public sealed record OfferLine(int Index, PaymentLinkLineItem Item, PriceRecord Price, ProductRecord Product)
{
    public bool Adjustable => Item.AdjustableQuantity is { Enabled: true };
    public int MinQuantity => Adjustable ? Item.AdjustableQuantity!.Minimum : Item.Quantity;
    public int MaxQuantity => Adjustable ? Item.AdjustableQuantity!.Maximum : Item.Quantity;
    public bool CustomAmount => Price.UnitAmount is null;
}

/// <summary>What a checkout page offers and asks: settings, lines with stored prices, currency.</summary>
public sealed record PageContext(bool Livemode, Currency Currency, CheckoutSettings Settings, IReadOnlyList<OfferLine> Lines)
{
    public static async Task<PageContext?> LoadAsync(PaylinkDbContext db, CurrencyCatalog currencies, bool livemode, string currencyId,
        CheckoutSettings settings, CancellationToken cancellationToken)
    {
        var prices = await LinkReads.PricesAsync(db, settings.LineItems.Select(l => l.PriceId), cancellationToken);
        var lines = new List<OfferLine>();
        foreach (var item in settings.LineItems)
        {
            if (!prices.TryGetValue(item.PriceId, out var price) || price.Product is null)
            {
                return null;
            }

            lines.Add(new OfferLine(lines.Count, item, price, price.Product));
        }

        return currencies.Find(currencyId) is { } currency ? new PageContext(livemode, currency, settings, lines) : null;
    }

    /// <summary>True when nothing more can be sold: a line's fixed quantity exceeds the stock left.</summary>
    public bool SoldOut => Lines.Any(l => l.Price.QuantityAvailable is { } available
        && l.Price.QuantitySold + Math.Max(1, l.MinQuantity) > available);
}
