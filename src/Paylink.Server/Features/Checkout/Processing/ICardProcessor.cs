namespace Paylink.Server.Features.Checkout.Processing;

/// <summary>A card as the customer typed it. Lives only for the length of one charge; never stored or logged.</summary>
public sealed record CardInput(string Number, int ExpiryMonth, int ExpiryYear, string Cvc, string? Name)
{
    public override string ToString() => $"card ending {Last4}";

    public string Last4 => Number.Length >= 4 ? Number[^4..] : Number;
}

public sealed record ChargeRequest(string IdempotencyKey, long Amount, string CurrencyId, CardInput Card);

/// <summary>What a processor decided. On success only the brand and last four digits come back.</summary>
public sealed record ChargeResult(bool Succeeded, string? Brand, string? Last4, string? DeclineCode, string? DeclineMessage)
{
    public static ChargeResult Success(string brand, string last4) => new(true, brand, last4, null, null);

    public static ChargeResult Declined(string code, string message, string? brand = null, string? last4 = null) =>
        new(false, brand, last4, code, message);
}

/// <summary>
/// Takes card payments. The checkout flow talks only to this interface, so a live processor can be
/// added without touching the flow. Charges are idempotent by key: asking again with the same key
/// returns the first answer, and <see cref="LookupAsync"/> tells what happened to a key after a crash.
/// </summary>
public interface ICardProcessor
{
    /// <summary>Whether this processor takes payments in the given mode.</summary>
    bool Supports(bool livemode);

    Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken);

    /// <summary>The decision already made for a key, or null if no charge with that key was ever made.</summary>
    Task<ChargeResult?> LookupAsync(string idempotencyKey, CancellationToken cancellationToken);
}
