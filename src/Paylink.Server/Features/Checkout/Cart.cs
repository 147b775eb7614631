using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout;

/// <summary>A line as the customer will pay it: the stored price, the chosen quantity and amount.</summary>
public sealed record CartLine(PriceRecord Price, ProductRecord Product, int Quantity, long UnitAmount)
{
    public long Subtotal => UnitAmount * Quantity;
}

/// <summary>
/// The totals of an order, always computed on the server from stored prices: line total = unit amount ×
/// quantity, subtotal = sum of line totals, total = subtotal − discount.
/// </summary>
public sealed record Cart(IReadOnlyList<CartLine> Lines, Currency Currency, long Discount = 0)
{
    public long Subtotal => Lines.Sum(l => l.Subtotal);

    public long Total => Math.Max(0, Subtotal - Discount);

    public List<SessionLine> ToSessionLines() => Lines.Select(l => new SessionLine
    {
        PriceId = l.Price.Id,
        ProductId = l.Product.Id,
        Description = l.Product.Name,
        Quantity = l.Quantity,
        UnitAmount = l.UnitAmount,
        AmountSubtotal = l.Subtotal,
    }).ToList();
}
