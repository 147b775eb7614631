using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Paylink.Client.Tests;

public sealed class WebhookVerifierTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(Key);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private const string Id = "msg_2Lh9KxQe7RLxTP3u";

    private const string Body = """
        {"id":"evt_1a2b3c4d5e6f7g8h9i0jKLMN","object":"event","type":"payment_link.updated","livemode":false,"created_at":"2026-11-25T11:59:58.123Z","data":{"object":{"id":"pl_a1b2c3d4e5f6g7h8i9j0k1","object":"payment_link","active":false,"livemode":false,"name":"Monthly Subscription Box","currency_id":"usd","metadata":{"order_id":"6735-updated"},"created_at":"2026-11-25T11:00:00.000Z","updated_at":"2026-11-25T11:59:58.000Z"}}}
        """;

    private static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The signature computed independently of the verifier: base64 HMAC-SHA256 of "{id}.{timestamp}.{body}".</summary>
    private static string Sign(byte[] key, string id, string timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

    private static WebhookVerifier Verifier(TimeSpan? tolerance = null) => new(Secret, tolerance, new FakeTimeProvider(Now));

    [Fact]
    public void A_correctly_signed_delivery_gives_the_typed_event()
    {
        var timestamp = Timestamp(Now.AddSeconds(-2));

        var evt = Verifier().Verify(Body, Id, timestamp, Sign(Key, Id, timestamp, Body));

        Assert.Equal("evt_1a2b3c4d5e6f7g8h9i0jKLMN", evt.Id);
        Assert.Equal("event", evt.Object);
        Assert.Equal("payment_link.updated", evt.Type);
        Assert.False(evt.Livemode);
        Assert.Equal(new DateTime(2026, 11, 25, 11, 59, 58, 123, DateTimeKind.Utc), evt.CreatedAt);
        var link = evt.Data.ObjectAs<PaymentLink>();
        Assert.Equal("pl_a1b2c3d4e5f6g7h8i9j0k1", link.Id);
        Assert.False(link.Active);
        Assert.Equal("6735-updated", (string?)link.Metadata["order_id"]);
    }

    [Fact]
    public void Headers_can_be_read_through_a_lookup_and_any_of_several_signatures_may_match()
    {
        var timestamp = Timestamp(Now);
        var otherKey = RandomNumberGenerator.GetBytes(32);
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = Id,
            ["webhook-timestamp"] = timestamp,
            ["webhook-signature"] = $"{Sign(otherKey, Id, timestamp, Body)} v1a,bm90IGEgdjE= {Sign(Key, Id, timestamp, Body)}",
        };

        var evt = Verifier().Verify(Body, name => headers.GetValueOrDefault(name));

        Assert.Equal("payment_link.updated", evt.Type);
    }

    [Fact]
    public void A_tampered_body_is_rejected()
    {
        var timestamp = Timestamp(Now);
        var signature = Sign(Key, Id, timestamp, Body);
        var tampered = Body.Replace("6735-updated", "6735-refund", StringComparison.Ordinal);

        var error = Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(tampered, Id, timestamp, signature));

        Assert.Equal("signature_mismatch", error.Code);
    }

    [Fact]
    public void A_signature_made_with_another_secret_or_for_another_id_is_rejected()
    {
        var timestamp = Timestamp(Now);

        var wrongSecret = Assert.Throws<WebhookVerificationException>(() =>
            Verifier().Verify(Body, Id, timestamp, Sign(RandomNumberGenerator.GetBytes(32), Id, timestamp, Body)));
        var otherId = Assert.Throws<WebhookVerificationException>(() =>
            Verifier().Verify(Body, "msg_other", timestamp, Sign(Key, Id, timestamp, Body)));

        Assert.Equal("signature_mismatch", wrongSecret.Code);
        Assert.Equal("signature_mismatch", otherId.Code);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void A_timestamp_outside_the_tolerance_is_rejected_even_when_signed(int offsetSeconds)
    {
        var timestamp = Timestamp(Now.AddSeconds(offsetSeconds));

        var error = Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Body, Id, timestamp, Sign(Key, Id, timestamp, Body)));

        Assert.Equal("timestamp_outside_tolerance", error.Code);
    }

    [Fact]
    public void The_tolerance_can_be_widened()
    {
        var timestamp = Timestamp(Now.AddMinutes(-20));

        var evt = Verifier(TimeSpan.FromMinutes(30)).Verify(Body, Id, timestamp, Sign(Key, Id, timestamp, Body));

        Assert.Equal("payment_link.updated", evt.Type);
    }

    [Fact]
    public void Missing_headers_and_malformed_values_are_rejected()
    {
        var timestamp = Timestamp(Now);
        var signature = Sign(Key, Id, timestamp, Body);

        Assert.Equal("missing_header", Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Body, null, timestamp, signature)).Code);
        Assert.Equal("missing_header", Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Body, Id, timestamp, "")).Code);
        Assert.Equal("invalid_timestamp", Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Body, Id, "yesterday", signature)).Code);
        Assert.Equal("signature_mismatch", Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Body, Id, timestamp, "v1,%%%")).Code);
        Assert.Equal("invalid_secret", Assert.Throws<WebhookVerificationException>(() => new WebhookVerifier("whsec_not base64!")).Code);
    }

    [Fact]
    public void A_signed_body_that_is_not_an_event_is_rejected()
    {
        var timestamp = Timestamp(Now);
        const string body = "[1,2,3]";

        var error = Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(body, Id, timestamp, Sign(Key, Id, timestamp, body)));

        Assert.Equal("invalid_payload", error.Code);
    }
}
