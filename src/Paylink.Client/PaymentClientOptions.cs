namespace Paylink.Client;

/// <summary>Where the Paylink server is, how to authenticate, and how hard to retry.</summary>
public sealed class PaymentClientOptions
{
    /// <summary>
    /// The server's address, for example <c>http://127.0.0.1:5080</c> (a path prefix such as
    /// <c>https://example.com/paylink/</c> is kept). May be left null when the <see cref="HttpClient"/>
    /// given to <see cref="PaymentClient"/> has a <see cref="HttpClient.BaseAddress"/>.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The secret key, <c>sk_test_…</c> or <c>sk_live_…</c>; it decides the mode. <see cref="RequestOptions.ApiKey"/> overrides it per call.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How many times a call is retried after a connection failure, a timeout, a 5xx or a 409
    /// <c>idempotency_key_in_use</c> (default 2; 0 turns retries off). No other failure is retried.
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The delay before the first retry (default 0.5 s); it doubles each retry, with random jitter.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay between two attempts (default 5 s), also the most a <c>Retry-After</c> header is honoured.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one attempt may take before it counts as failed (default 60 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    internal PaymentClientOptions Snapshot()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialRetryDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, InitialRetryDelay);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero);
        return (PaymentClientOptions)MemberwiseClone();
    }
}
