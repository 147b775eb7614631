using System.Net;
using System.Text.Json.Nodes;

namespace Paylink.Browser.Tests;

/// <summary>
/// A request line over 8 KiB answers 414 in Paylink's own words (the error envelope, or a hosted page's own
/// page), where Kestrel alone answers with no body. Needs a real Kestrel listener: in-memory hosts skip it.
/// </summary>
[Collection(CheckoutServerCollection.Name)]
public sealed class RequestLineLimitTests(CheckoutServer server)
{
    private const int Limit = 8 * 1024;

    [Fact]
    public async Task An_API_request_line_over_8_KiB_is_a_414_in_the_error_envelope()
    {
        var path = Padded("/api/payment-links?pad=", "GET", Limit + 1);

        using var response = await server.Api.GetAsync(path);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("invalid_request_error", error["type"]!.GetValue<string>());
        Assert.Equal("request_line_too_long", error["code"]!.GetValue<string>());
        Assert.Contains("8192", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(error["request_id"]!.GetValue<string>(), Assert.Single(response.Headers.GetValues("Request-Id")));
    }

    [Fact]
    public async Task A_request_line_of_exactly_8_KiB_is_served()
    {
        using var response = await server.Api.GetAsync(Padded("/healthz?pad=", "GET", Limit));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("en-US", "en", "This web address is too long")]
    [InlineData("zh-CN,zh;q=0.9", "zh-CN", "网址过长")]
    public async Task A_hosted_page_address_over_8_KiB_is_a_414_page_in_the_customers_language(string acceptLanguage, string lang, string title)
    {
        var (linkId, _) = await server.CreateLinkAsync();
        using var customer = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, Padded($"/checkout/pay/{linkId}?prefilled_email=", "GET", Limit + 1));
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        using var response = await customer.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
    }

    /// <summary><paramref name="start"/> padded so that the request line ("GET target HTTP/1.1\r\n") is <paramref name="lineLength"/> bytes.</summary>
    private static string Padded(string start, string method, int lineLength)
    {
        var fixedPart = method.Length + 1 + start.Length + " HTTP/1.1\r\n".Length;
        return start + new string('a', lineLength - fixedPart);
    }
}
