namespace Paylink.Data.Entities;

public sealed class PaymentIntentRecord
{
    public required string Id { get; set; }
    public bool Livemode { get; set; }
    public long Amount { get; set; }
    public required string CurrencyId { get; set; }
    public PaymentIntentStatus Status { get; set; } = PaymentIntentStatus.RequiresPaymentMethod;
    public string? LastErrorCode { get; set; }
    public string? LastErrorMessage { get; set; }

    /// <summary>Only the brand and the last four digits of a card are ever kept.</summary>
    public string? CardBrand { get; set; }

    public string? CardLast4 { get; set; }
    public string? CustomerId { get; set; }
    public string? CheckoutSessionId { get; set; }

    /// <summary>Grows with every charge attempt; with the id it makes the processor's idempotency key.</summary>
    public int Attempt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
