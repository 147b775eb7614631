using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Paylink.Client;

/// <summary>
/// Checks that a webhook delivery comes from your Paylink server and is fresh, following the Standard
/// Webhooks scheme: <c>webhook-signature</c> holds <c>v1,&lt;base64 HMAC-SHA256&gt;</c> of
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c> under the endpoint's secret (<c>whsec_…</c>), and
/// <c>webhook-timestamp</c> must be within the tolerance of now.
/// <code>
/// var verifier = new WebhookVerifier(secret);
/// Event evt = verifier.Verify(body, name => request.Headers[name]);
/// </code>
/// </summary>
public sealed class WebhookVerifier
{
    /// <summary>How far a delivery's timestamp may be from now by default: 5 minutes.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const string SecretPrefix = "whsec_";
    private readonly byte[] key;
    private readonly TimeSpan tolerance;
    private readonly TimeProvider time;

    /// <summary>Creates a verifier for one endpoint's secret.</summary>
    /// <param name="secret">The endpoint's signing secret, <c>whsec_</c> followed by base64 (the prefix may be left off).</param>
    /// <param name="tolerance">How far the timestamp may be from now, either way; default <see cref="DefaultTolerance"/>.</param>
    /// <param name="timeProvider">The clock; default the system clock.</param>
    /// <exception cref="WebhookVerificationException">The secret is not base64 (code <c>invalid_secret</c>).</exception>
    public WebhookVerifier(string secret, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        try
        {
            key = Convert.FromBase64String(encoded);
        }
        catch (FormatException e)
        {
            throw new WebhookVerificationException("invalid_secret", "The webhook secret must be 'whsec_' followed by base64.", e);
        }

        this.tolerance = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThan(this.tolerance, TimeSpan.Zero);
        time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Verifies a delivery, reading its headers through <paramref name="header"/>, and returns its event.</summary>
    /// <param name="payload">The request body exactly as received (not re-serialized).</param>
    /// <param name="header">Gives a header's value by name, for example <c>name => request.Headers[name]</c>.</param>
    /// <exception cref="WebhookVerificationException">The delivery must not be trusted.</exception>
    public Event Verify(string payload, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return Verify(payload, header("webhook-id"), header("webhook-timestamp"), header("webhook-signature"));
    }

    /// <summary>Verifies a delivery and returns its event.</summary>
    /// <param name="payload">The request body exactly as received (not re-serialized).</param>
    /// <param name="webhookId">The <c>webhook-id</c> header.</param>
    /// <param name="webhookTimestamp">The <c>webhook-timestamp</c> header: Unix seconds.</param>
    /// <param name="webhookSignature">The <c>webhook-signature</c> header: one or more space-separated <c>v1,&lt;base64&gt;</c>.</param>
    /// <exception cref="WebhookVerificationException">The delivery must not be trusted.</exception>
    public Event Verify(string payload, string? webhookId, string? webhookTimestamp, string? webhookSignature)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (string.IsNullOrEmpty(webhookId) || string.IsNullOrEmpty(webhookTimestamp) || string.IsNullOrEmpty(webhookSignature))
        {
            throw new WebhookVerificationException("missing_header", "The webhook-id, webhook-timestamp and webhook-signature headers are all required.");
        }

        if (!long.TryParse(webhookTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new WebhookVerificationException("invalid_timestamp", "webhook-timestamp must be a number of Unix seconds.");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs((decimal)now - seconds) > (decimal)tolerance.TotalSeconds)
        {
            throw new WebhookVerificationException("timestamp_outside_tolerance",
                $"webhook-timestamp is more than {tolerance.TotalSeconds:0} seconds from now; the delivery may be a replay.");
        }

        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{webhookId}.{webhookTimestamp}.{payload}"));
        if (!AnySignatureMatches(webhookSignature, expected))
        {
            throw new WebhookVerificationException("signature_mismatch", "No v1 signature in webhook-signature matches the body and secret.");
        }

        try
        {
            return JsonSerializer.Deserialize<Event>(payload, PaylinkJson.Options)
                ?? throw new JsonException("The body is null.");
        }
        catch (JsonException e)
        {
            throw new WebhookVerificationException("invalid_payload", "The signed body is not an event.", e);
        }
    }

    /// <summary>Several signatures may be sent while a secret is rotated; any one valid <c>v1</c> is enough.</summary>
    private static bool AnySignatureMatches(string header, byte[] expected)
    {
        Span<byte> candidate = stackalloc byte[64];
        var matched = false;
        foreach (var entry in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || entry[..comma] != "v1")
            {
                continue;
            }

            if (Convert.TryFromBase64String(entry[(comma + 1)..], candidate, out var length))
            {
                // Constant time, and no early exit, so timing says nothing about how close a guess was.
                matched |= CryptographicOperations.FixedTimeEquals(candidate[..length], expected);
            }
        }

        return matched;
    }
}
