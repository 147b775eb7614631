namespace Paylink.Data.Entities;

/// <summary>
/// What the test-mode card processor decided for one idempotency key, so that an intent left
/// <c>processing</c> by a crash can be settled by asking the processor afterwards.
/// </summary>
public sealed class TestChargeRecord
{
    public required string IdempotencyKey { get; set; }
    public bool Succeeded { get; set; }
    public string? DeclineCode { get; set; }
    public string? CardBrand { get; set; }
    public string? CardLast4 { get; set; }
    public long Amount { get; set; }
    public DateTime CreatedAt { get; set; }
}
