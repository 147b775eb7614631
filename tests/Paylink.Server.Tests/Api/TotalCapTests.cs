using System.Text.Json.Nodes;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// API.md caps any total at 10^12 minor units ($10,000,000,000.00). A link or session whose line items
/// could add up to more — each at its largest quantity, a chosen amount at its maximum — is a 400
/// <c>amount_too_large</c>, and nothing is written.
/// </summary>
public abstract class TotalCapTests(PaylinkApp app)
{
    private const string LargestUnitAmount = "99999999.99";

    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task Twenty_prices_at_the_largest_amount_times_999_are_refused_and_no_link_is_made()
    {
        var items = new JsonArray();
        for (var i = 0; i < 20; i++)
        {
            items.Add(new JsonObject { ["price_id"] = await Catalog.PriceAsync(_client, amount: LargestUnitAmount), ["quantity"] = 999 });
        }

        var before = await CountAsync("/api/payment-links");
        var body = new JsonObject { ["name"] = "Too much", ["currency_id"] = "usd", ["line_items"] = items };

        var error = (await _client.ApiPostAsync("/api/payment-links", body)).ExpectError(400, "amount_too_large", "line_items");

        Assert.Contains("1997999999800.20", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync("/api/payment-links"));
    }

    [Theory]
    [InlineData(100, 200)]
    [InlineData(101, 400)]
    public async Task A_fixed_quantity_counts_up_to_the_cap(int quantity, int status)
    {
        var price = await Catalog.PriceAsync(_client, amount: LargestUnitAmount);

        var response = await _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(price).With("line_items[0].quantity", $"{quantity}"));

        Expect(response, status);
    }

    [Theory]
    [InlineData(100, 200)]
    [InlineData(101, 400)]
    public async Task An_adjustable_quantity_counts_at_its_maximum(int maximum, int status)
    {
        var price = await Catalog.PriceAsync(_client, amount: LargestUnitAmount);
        var body = Catalog.LinkBody(price).With("line_items[0].adjustable_quantity", $$"""{"enabled":true,"maximum":{{maximum}}}""");

        Expect(await _client.ApiPostAsync("/api/payment-links", body), status);
    }

    [Theory]
    [InlineData("""{"minimum":"1.00"}""", 100, 200)]
    [InlineData("""{"minimum":"1.00"}""", 101, 400)]
    [InlineData("""{"minimum":"1.00","maximum":"500.00"}""", 999, 200)]
    public async Task A_chosen_amount_counts_at_its_maximum_or_else_the_largest_unit_amount(string customUnitAmount, int quantity, int status)
    {
        var product = (await _client.ApiPostAsync("/api/products",
            $$"""{"name":"Donation","prices":[{"currency_id":"usd","custom_unit_amount":{{customUnitAmount}}}]}""")).Expect(200);
        var body = Catalog.LinkBody(product["default_price_id"].GetString()!).With("line_items[0].quantity", $"{quantity}");

        Expect(await _client.ApiPostAsync("/api/payment-links", body), status);
    }

    [Fact]
    public async Task An_update_above_the_cap_is_refused_and_the_link_keeps_its_line_items()
    {
        var price = await Catalog.PriceAsync(_client, amount: LargestUnitAmount);
        var link = await Catalog.LinkAsync(_client, price);

        (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"line_items":[{"price_id":"PRICE","quantity":1,"adjustable_quantity":{"enabled":true,"maximum":999}}]}""".Replace("PRICE", price, StringComparison.Ordinal)))
            .ExpectError(400, "amount_too_large", "line_items");

        var kept = (await _client.ApiGetAsync($"/api/payment-links/{link.Id}")).Expect(200);
        var line = Assert.Single(kept["line_items"].EnumerateArray());
        Assert.False(line.TryGetProperty("adjustable_quantity", out _), $"The refused update changed the link: {kept.Text}");
    }

    [Fact]
    public async Task A_checkout_session_above_the_cap_is_refused_and_none_is_made()
    {
        var price = await Catalog.PriceAsync(_client, amount: LargestUnitAmount);
        var before = await CountAsync("/api/checkout-sessions");

        (await _client.ApiPostAsync("/api/checkout-sessions", $$"""{"line_items":[{"price_id":"{{price}}","quantity":101}]}"""))
            .ExpectError(400, "amount_too_large", "line_items");
        (await _client.ApiPostAsync("/api/checkout-sessions", $$$"""{"line_items":[{"price_id":"{{{price}}}","quantity":1,"adjustable_quantity":{"enabled":true,"maximum":999}}]}"""))
            .ExpectError(400, "amount_too_large", "line_items");

        Assert.Equal(before, await CountAsync("/api/checkout-sessions"));
        (await _client.ApiPostAsync("/api/checkout-sessions", $$"""{"line_items":[{"price_id":"{{price}}","quantity":100}]}""")).Expect(200);
    }

    private static void Expect(ApiResponse response, int status)
    {
        if (status == 200)
        {
            response.Expect(200);
        }
        else
        {
            response.ExpectError(status, "amount_too_large", "line_items");
        }
    }

    private async Task<long> CountAsync(string path) => (await _client.ApiGetAsync(path)).Expect(200)["count"].GetInt64();

    public sealed class OnSqlite(SqliteApp app) : TotalCapTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TotalCapTests(app), IClassFixture<PostgresApp>;
}
