using Paylink.Client;
using Paylink.Data.Entities;
using Paylink.Server.Features.Promotions;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout;

/// <summary>A line as the customer will pay it: the stored price, the chosen quantity and amount.</summary>
public sealed record CartLine(PriceRecord Price, ProductRecord Product, int Quantity, long UnitAmount)
{
    public long Subtotal => checked(UnitAmount * Quantity);
}

/// <summary>
/// The totals of an order, always computed on the server from stored prices: line total = unit amount ×
/// quantity, subtotal = sum of line totals, total = subtotal − discount (a promotion code's, computed by
/// <see cref="PromotionCheck"/> over these very lines, never below zero).
/// </summary>
public sealed record Cart(IReadOnlyList<CartLine> Lines, Currency Currency, AppliedPromotion? Promotion = null)
{
    public long Subtotal => Lines.Sum(l => l.Subtotal);

    public long Discount => Promotion?.Amount ?? 0;

    public long Total => Math.Max(0, Subtotal - Discount);

    /// <summary>True when the order is above the most one payment can be (<see cref="Money.MaxTotal"/>): it may not be paid.</summary>
    public bool AboveMaxTotal => Subtotal > Money.MaxTotal;

    /// <summary>The cart before the customer changes anything: each line at its set quantity, a chosen amount at its preset (else its minimum).</summary>
    public static Cart Starting(IEnumerable<(PaymentLinkLineItem Item, PriceRecord Price, ProductRecord Product)> lines, Currency currency) => new(
        lines.Select(l => new CartLine(l.Price, l.Product, l.Item.Quantity, StartingUnitAmount(l.Price))).ToList(),
        currency);

    /// <summary>A line's unit amount before the customer chooses one: the price's own, else the chosen amount's preset, else its minimum.</summary>
    public static long StartingUnitAmount(PriceRecord price) => price.UnitAmount ?? price.CustomPreset ?? price.CustomMinimum ?? 0;

    public IReadOnlyList<DiscountLine> DiscountLines => Lines.Select(l => new DiscountLine(l.Product.Id, l.Subtotal, l.Quantity)).ToList();

    public List<SessionLine> ToSessionLines() => Lines.Select((l, i) => new SessionLine
    {
        PriceId = l.Price.Id,
        ProductId = l.Product.Id,
        Description = l.Product.Name,
        Quantity = l.Quantity,
        UnitAmount = l.UnitAmount,
        AmountSubtotal = l.Subtotal,
        AmountDiscount = Promotion?.LineDiscounts[i] ?? 0,
    }).ToList();
}
