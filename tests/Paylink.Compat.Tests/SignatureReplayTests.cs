using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Paylink.Compat.Tests;

/// <summary>
/// A signed request copied off the wire is worth little: its signature lives five minutes at most, and
/// within them a write sent again is answered as the first time, without being done again.
/// </summary>
public sealed class SignatureReplayTests(CompatApp app) : IClassFixture<CompatApp>
{
    private readonly HttpClient _http = app.CreateClient();

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string ProductBody(string name) => JsonSerializer.Serialize(new { name, metadata = new { source = "node" } });

    private async Task<(HttpStatusCode Status, string Body, bool Replayed)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Contains("Idempotent-Replayed"));
        }
    }

    private async Task<JsonElement> WithKeyAsync(HttpMethod method, string target, string? json = null)
    {
        using var request = new HttpRequestMessage(method, target);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CompatApp.TestKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<long> CountProductsAsync(string name) =>
        (await WithKeyAsync(HttpMethod.Get, $"/api/products?q={Uri.EscapeDataString(name)}")).GetProperty("count").GetInt64();

    [Fact]
    public async Task A_signed_create_sent_three_times_makes_one_product_and_the_same_answer_each_time()
    {
        var name = $"Replayed {Guid.NewGuid():N}";
        var iat = Now;
        HttpRequestMessage Copy() => NodeSigner.SpecKey.Request(HttpMethod.Post, "/api/products?livemode=false", ProductBody(name), iat, iat + 300);

        var first = await SendAsync(Copy());
        var second = await SendAsync(Copy());
        var third = await SendAsync(Copy());

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.False(first.Replayed);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Body, third.Body);
        Assert.True(second.Replayed && third.Replayed);
        Assert.Equal(1, await CountProductsAsync(name));
    }

    [Fact]
    public async Task A_copy_with_its_own_Idempotency_Key_or_its_body_rewritten_is_still_the_same_request()
    {
        var name = $"Rewritten {Guid.NewGuid():N}";
        var iat = Now;
        HttpRequestMessage Copy() => NodeSigner.SpecKey.Request(HttpMethod.Post, "/api/products?livemode=false", ProductBody(name), iat, iat + 300);
        var first = await SendAsync(Copy());

        // The header is not signed, so anyone holding the request can add one.
        var withKey = Copy();
        withKey.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        // The signature covers the body's canonical form, not its bytes.
        var reordered = Copy();
        reordered.Content = new StringContent($$"""{ "metadata": {"source":"node"}, "name": "{{name}}" }""", Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(first.Body, (await SendAsync(withKey)).Body);
        Assert.Equal(first.Body, (await SendAsync(reordered)).Body);
        Assert.Equal(1, await CountProductsAsync(name));
    }

    [Fact]
    public async Task A_signed_update_sent_again_after_a_later_update_does_not_undo_it()
    {
        var product = await WithKeyAsync(HttpMethod.Post, "/api/products", ProductBody("Before"));
        var target = $"/api/products/{product.GetProperty("id").GetString()}?livemode=false";
        var iat = Now;
        HttpRequestMessage Rename(string name) => NodeSigner.SpecKey.Request(HttpMethod.Put, target, JsonSerializer.Serialize(new { name }), iat, iat + 300);

        var first = await SendAsync(Rename("First"));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(Rename("Second"))).Status);
        var replay = await SendAsync(Rename("First"));

        Assert.Equal(first.Body, replay.Body);
        Assert.True(replay.Replayed);
        Assert.Equal("Second", (await WithKeyAsync(HttpMethod.Get, target)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Two_identical_signed_reads_are_both_answered_afresh()
    {
        var name = $"ReadTwice{Guid.NewGuid():N}";
        var iat = Now;
        HttpRequestMessage Read() => NodeSigner.SpecKey.Request(HttpMethod.Get, $"/api/products?q={name}&livemode=false", iat: iat, exp: iat + 300);

        var before = await SendAsync(Read());
        await WithKeyAsync(HttpMethod.Post, "/api/products", ProductBody(name));
        var after = await SendAsync(Read());

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.False(after.Replayed);
        Assert.Equal(0, JsonDocument.Parse(before.Body).RootElement.GetProperty("count").GetInt64());
        Assert.Equal(1, JsonDocument.Parse(after.Body).RootElement.GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData(0, 301, "valid for too long")]
    [InlineData(0, 10L * 365 * 24 * 3600, "valid for too long")]
    [InlineData(-3600, 60, "too old")]
    [InlineData(-365L * 24 * 3600, 10L * 365 * 24 * 3600, "too old")]
    public async Task A_signature_living_longer_than_300_s_or_issued_over_5_minutes_ago_is_a_401_and_creates_nothing(long iatFromNow, long expFromNow, string reason)
    {
        var name = $"Long-lived {Guid.NewGuid():N}";
        var now = Now;

        var refused = await SendAsync(NodeSigner.SpecKey.Request(HttpMethod.Post, "/api/products?livemode=false", ProductBody(name), now + iatFromNow, now + expFromNow));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        var error = JsonDocument.Parse(refused.Body).RootElement.GetProperty("error");
        Assert.Equal("authentication_error", error.GetProperty("type").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountProductsAsync(name));
    }
}
