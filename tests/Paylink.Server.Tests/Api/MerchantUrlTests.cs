using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// URLs a merchant sends (a link's redirect, a session's success and cancel URLs, a product's images)
/// are stored without the spaces around them; whitespace or a control character inside one is a 400,
/// since a redirect to it could not be sent.
/// </summary>
public abstract class MerchantUrlTests(PaylinkApp app)
{
    private const string Padded = "\"  https://example.com/thanks?cs={CHECKOUT_SESSION_ID}\\t\\n\"";
    private const string Trimmed = "https://example.com/thanks?cs={CHECKOUT_SESSION_ID}";

    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task A_link_redirect_url_is_stored_trimmed_on_create_and_update()
    {
        var price = await Catalog.PriceAsync(_client);

        var created = (await _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(price)
            .With("after_completion", $$$"""{"type":"redirect","redirect":{"url":{{{Padded}}}}}"""))).Expect(200);

        Assert.Equal(Trimmed, RedirectUrl(created));
        Assert.Equal(Trimmed, RedirectUrl((await _client.ApiGetAsync($"/api/payment-links/{created.Id}")).Expect(200)));
        var updated = (await _client.ApiPutAsync($"/api/payment-links/{created.Id}",
            """{"after_completion":{"type":"redirect","redirect":{"url":" https://example.com/other "}}}""")).Expect(200);
        Assert.Equal("https://example.com/other", RedirectUrl(updated));
    }

    [Theory]
    [InlineData("\"https://example.com/a\\r\\nLocation: https://evil.example\"")]
    [InlineData("\"https://example.com/a b\"")]
    [InlineData("\"   \"")]
    public async Task A_redirect_url_with_whitespace_inside_or_nothing_but_spaces_is_a_400(string url)
    {
        var price = await Catalog.PriceAsync(_client);

        (await _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(price).With("after_completion", $$$"""{"type":"redirect","redirect":{"url":{{{url}}}}}""")))
            .ExpectError(400, "parameter_invalid", "after_completion.redirect.url");
        (await _client.ApiPostAsync("/api/checkout-sessions", $$"""{"line_items":[{"price_id":"{{price}}","quantity":1}],"success_url":{{url}}}"""))
            .ExpectError(400, "parameter_invalid", "success_url");
    }

    [Fact]
    public async Task A_sessions_success_and_cancel_urls_are_stored_trimmed()
    {
        var price = await Catalog.PriceAsync(_client);

        var created = (await _client.ApiPostAsync("/api/checkout-sessions",
            $$"""{"line_items":[{"price_id":"{{price}}","quantity":1}],"success_url":{{Padded}},"cancel_url":" https://example.com/cart "}""")).Expect(200);

        var retrieved = (await _client.ApiGetAsync($"/api/checkout-sessions/{created.Id}")).Expect(200);
        Assert.Equal(Trimmed, retrieved["success_url"].GetString());
        Assert.Equal("https://example.com/cart", retrieved["cancel_url"].GetString());
    }

    [Fact]
    public async Task A_products_image_urls_are_stored_trimmed()
    {
        var product = (await _client.ApiPostAsync("/api/products", """{"name":"Mug","images":[" https://example.com/mug.png\n"]}""")).Expect(200);

        var image = Assert.Single(product["images"].EnumerateArray());
        Assert.Equal("https://example.com/mug.png", image.GetString());
    }

    private static string? RedirectUrl(ApiResponse link) =>
        link["after_completion"].GetProperty("redirect").GetProperty("url").GetString();

    public sealed class OnSqlite(SqliteApp app) : MerchantUrlTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : MerchantUrlTests(app), IClassFixture<PostgresApp>;
}
