namespace Paylink.Data.Entities;

/// <summary>One stored line of a checkout session, in minor units. A record: two lines with the same values are equal.</summary>
public sealed record SessionLine
{
    public string PriceId { get; set; } = "";
    public string ProductId { get; set; } = "";
    public string Description { get; set; } = "";
    public int Quantity { get; set; }
    public long UnitAmount { get; set; }
    public long AmountSubtotal { get; set; }
    public long AmountDiscount { get; set; }
}
