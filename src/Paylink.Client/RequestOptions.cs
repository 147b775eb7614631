namespace Paylink.Client;

/// <summary>Settings for a single call, overriding the client's.</summary>
public sealed class RequestOptions
{
    /// <summary>A secret key to use for this call instead of <see cref="PaymentClientOptions.ApiKey"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The <c>Idempotency-Key</c> of a POST (1–255 characters). The client makes a fresh one for every POST
    /// when this is null; give your own to make a call safe to repeat across restarts of your program,
    /// for example the id of your order. Retries of one call always reuse one key.
    /// </summary>
    public string? IdempotencyKey { get; set; }
}
