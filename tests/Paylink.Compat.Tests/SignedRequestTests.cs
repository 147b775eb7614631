using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Paylink.Compat.Tests;

/// <summary>Signed requests through the whole server: what is accepted, in which mode, and that a refused one changes nothing.</summary>
public sealed class SignedRequestTests(CompatApp app) : IClassFixture<CompatApp>
{
    private readonly HttpClient _http = app.CreateClient();

    private static string ProductBody(string name) => JsonSerializer.Serialize(new { name, metadata = new { source = "node" } });

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, HttpStatusCode expected)
    {
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>How many products of this name the mode's secret key can see.</summary>
    private async Task<long> CountProductsAsync(string name, bool livemode)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/products?q={Uri.EscapeDataString(name)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", livemode ? CompatApp.LiveKey : CompatApp.TestKey);
        return (await SendAsync(request, HttpStatusCode.OK)).GetProperty("count").GetInt64();
    }

    private static void AssertUnauthorized(JsonElement body, string messagePart)
    {
        var error = body.GetProperty("error");
        Assert.Equal("authentication_error", error.GetProperty("type").GetString());
        Assert.Contains(messagePart, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_signed_create_works_in_the_mode_livemode_names(bool livemode)
    {
        var name = $"Signed {livemode} {Guid.NewGuid():N}";
        var mode = livemode ? "true" : "false";
        var product = await SendAsync(NodeSigner.SpecKey.Request(HttpMethod.Post, $"/api/products?livemode={mode}", ProductBody(name)), HttpStatusCode.OK);
        Assert.Equal(livemode, product.GetProperty("livemode").GetBoolean());

        var price = await SendAsync(NodeSigner.SpecKey.Request(HttpMethod.Post, $"/api/prices?livemode={mode}",
            JsonSerializer.Serialize(new { product_id = product.GetProperty("id").GetString(), currency_id = "usd", unit_amount = "12.50" })), HttpStatusCode.OK);
        var link = await SendAsync(NodeSigner.SpecKey.Request(HttpMethod.Post, $"/api/payment-links?livemode={mode}",
            JsonSerializer.Serialize(new { name, currency_id = "usd", line_items = new[] { new { price_id = price.GetProperty("id").GetString(), quantity = 2 } } })), HttpStatusCode.OK);
        Assert.Equal(livemode, link.GetProperty("livemode").GetBoolean());

        Assert.Equal(1, await CountProductsAsync(name, livemode));
        Assert.Equal(0, await CountProductsAsync(name, !livemode));
    }

    [Fact]
    public async Task Without_livemode_a_signed_request_is_in_test_mode()
    {
        var name = $"No livemode {Guid.NewGuid():N}";
        var product = await SendAsync(NodeSigner.SpecKey.Request(HttpMethod.Post, "/api/products", ProductBody(name)), HttpStatusCode.OK);
        Assert.False(product.GetProperty("livemode").GetBoolean());
    }

    [Fact]
    public async Task A_key_not_in_TrustedCallers_gets_401_and_creates_nothing()
    {
        var name = $"Untrusted {Guid.NewGuid():N}";
        var body = await SendAsync(NodeSigner.FromSeed(0x22).Request(HttpMethod.Post, "/api/products?livemode=false", ProductBody(name)), HttpStatusCode.Unauthorized);
        AssertUnauthorized(body, "TrustedCallers");
        Assert.Equal(0, await CountProductsAsync(name, livemode: false));
    }

    [Fact]
    public async Task An_expired_signature_gets_401_and_creates_nothing()
    {
        var name = $"Expired {Guid.NewGuid():N}";
        var past = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 600;
        var body = await SendAsync(NodeSigner.SpecKey.Request(HttpMethod.Post, "/api/products?livemode=false", ProductBody(name), iat: past, exp: past + 300), HttpStatusCode.Unauthorized);
        AssertUnauthorized(body, "expired");
        Assert.Equal(0, await CountProductsAsync(name, livemode: false));
    }

    [Fact]
    public async Task A_signature_issued_far_in_the_future_gets_401()
    {
        var future = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600;
        var body = await SendAsync(NodeSigner.SpecKey.Request(HttpMethod.Get, "/api/products?livemode=false", iat: future, exp: future + 300), HttpStatusCode.Unauthorized);
        AssertUnauthorized(body, "future");
    }

    [Fact]
    public async Task A_body_changed_after_signing_gets_401_and_creates_nothing()
    {
        var name = $"Tampered {Guid.NewGuid():N}";
        var request = NodeSigner.SpecKey.Request(HttpMethod.Post, "/api/products?livemode=false", ProductBody("Signed name"));
        request.Content = new StringContent(ProductBody(name), System.Text.Encoding.UTF8, "application/json");
        AssertUnauthorized(await SendAsync(request, HttpStatusCode.Unauthorized), "does not match");
        Assert.Equal(0, await CountProductsAsync(name, livemode: false));
    }

    [Fact]
    public async Task A_signed_body_over_256_KiB_is_a_413()
    {
        var huge = JsonSerializer.Serialize(new { name = "Huge", description = new string('x', 300 * 1024) });
        var body = await SendAsync(NodeSigner.SpecKey.Request(HttpMethod.Post, "/api/products?livemode=false", huge), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("request_too_large", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_request_with_a_key_is_judged_by_the_key_not_a_signature()
    {
        var name = $"Key wins {Guid.NewGuid():N}";
        var request = NodeSigner.FromSeed(0x22).Request(HttpMethod.Post, "/api/products", ProductBody(name));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CompatApp.LiveKey);
        var product = await SendAsync(request, HttpStatusCode.OK);
        Assert.True(product.GetProperty("livemode").GetBoolean());
    }

    [Fact]
    public async Task A_signed_archive_with_an_empty_form_encoded_body_archives()
    {
        var product = await SendAsync(NodeSigner.SpecKey.Request(HttpMethod.Post, "/api/products?livemode=true", ProductBody("To archive")), HttpStatusCode.OK);
        var request = NodeSigner.SpecKey.Request(HttpMethod.Put, $"/api/products/{product.GetProperty("id").GetString()}/archive?livemode=true");
        request.Content = new ByteArrayContent([]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var archived = await SendAsync(request, HttpStatusCode.OK);
        Assert.False(archived.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_signed_list_with_index_encoded_order_sorts()
    {
        var names = new[] { "b-" + Guid.NewGuid().ToString("N"), "a-" + Guid.NewGuid().ToString("N") };
        foreach (var name in names)
        {
            await SendAsync(NodeSigner.SpecKey.Request(HttpMethod.Post, "/api/products?livemode=false", ProductBody(name)), HttpStatusCode.OK);
        }

        var list = await SendAsync(NodeSigner.SpecKey.Request(HttpMethod.Get, "/api/products?pageSize=100&order%5B0%5D=name&order%5B1%5D=ASC&livemode=false"), HttpStatusCode.OK);
        var listed = list.GetProperty("list").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.Equal(listed.Order(StringComparer.Ordinal), listed);
        Assert.True(listed.IndexOf(names[1]) < listed.IndexOf(names[0]));
    }

    [Fact]
    public async Task A_path_the_client_signed_unencoded_but_sent_percent_encoded_is_accepted()
    {
        // The client pastes an id into the path as it is and signs that; Node encodes the space on the wire.
        var body = await SendAsync(NodeSigner.SpecKey.Request(HttpMethod.Get, "/api/payment-links/no%20such?livemode=false",
            signedTarget: "/api/payment-links/no such?livemode=false"), HttpStatusCode.NotFound);
        Assert.Equal("resource_missing", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_PaymentKit_route_Paylink_lacks_is_a_404_naming_it()
    {
        var body = await SendAsync(NodeSigner.SpecKey.Request(HttpMethod.Get, "/api/products/search?query=box&livemode=false"), HttpStatusCode.NotFound);
        Assert.Contains("GET /api/products/search", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
