using System.Net.Http.Headers;

namespace Paylink.Client;

/// <summary>
/// What is retried and how long to wait. Retrying is safe because every POST carries one
/// <c>Idempotency-Key</c> for all its attempts, and PUT and GET change nothing twice.
/// </summary>
internal sealed class RetryPolicy(PaymentClientOptions options)
{
    /// <summary>
    /// A 5xx means the change was rolled back (the server never fails after a commit); a 409
    /// <c>idempotency_key_in_use</c> means the first attempt is still running. Every other 409 is a
    /// lasting conflict, and 4xx answers do not change by asking again.
    /// </summary>
    public static bool ShouldRetry(PaylinkException error) =>
        error.StatusCode >= 500 || (error.StatusCode == 409 && error.Code == "idempotency_key_in_use");

    /// <summary>Exponential backoff with jitter (half fixed, half random), or the server's <c>Retry-After</c> when it asks for longer.</summary>
    public TimeSpan Delay(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        var initial = options.InitialRetryDelay.TotalMilliseconds;
        var capped = Math.Min(options.MaxRetryDelay.TotalMilliseconds, initial * Math.Pow(2, attempt));
        var delay = TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
        if (retryAfter?.Delta is { } asked && asked > delay)
        {
            delay = asked < options.MaxRetryDelay ? asked : options.MaxRetryDelay;
        }

        return delay;
    }
}
