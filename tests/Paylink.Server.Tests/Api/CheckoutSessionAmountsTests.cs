using System.Text.Json;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// A checkout session made through the API carries its line items and amounts from creation — in the
/// create answer, on retrieve and in its <c>checkout.session.expired</c> event — not only once paid.
/// </summary>
public abstract class CheckoutSessionAmountsTests(PaylinkApp app)
{
    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task Two_times_ten_shows_its_line_and_twenty_from_creation_to_expiry()
    {
        var price = await Catalog.PriceAsync(_client, amount: "10.00");

        var created = (await _client.ApiPostAsync("/api/checkout-sessions", $$"""{"line_items":[{"price_id":"{{price}}","quantity":2}]}""")).Expect(200);
        AssertTwoTimesTen(created.Json, price);

        var retrieved = (await _client.ApiGetAsync($"/api/checkout-sessions/{created.Id}")).Expect(200);
        AssertTwoTimesTen(retrieved.Json, price);

        (await _client.ApiPutAsync($"/api/checkout-sessions/{created.Id}/expire", (string?)null)).Expect(200);
        var events = (await _client.ApiGetAsync("/api/events?type=checkout.session.expired&pageSize=100")).Expect(200);
        var expired = events["list"].EnumerateArray().Select(e => e.GetProperty("data").GetProperty("object"))
            .Single(o => o.GetProperty("id").GetString() == created.Id);
        Assert.Equal("expired", expired.GetProperty("status").GetString());
        AssertTwoTimesTen(expired, price);
    }

    [Fact]
    public async Task A_chosen_amount_starts_at_its_preset()
    {
        var product = (await _client.ApiPostAsync("/api/products",
            """{"name":"Donation","prices":[{"currency_id":"usd","custom_unit_amount":{"minimum":"1.00","maximum":"500.00","preset":"15.00"}}]}""")).Expect(200);
        var price = product["default_price_id"].GetString()!;

        var created = (await _client.ApiPostAsync("/api/checkout-sessions", $$"""{"line_items":[{"price_id":"{{price}}","quantity":1}]}""")).Expect(200);

        var line = Assert.Single(created["line_items"].EnumerateArray());
        Assert.Equal("15.00", line.GetProperty("unit_amount").GetString());
        Assert.Equal("15.00", created["amount_total"].GetString());
    }

    private static void AssertTwoTimesTen(JsonElement session, string priceId)
    {
        var line = Assert.Single(session.GetProperty("line_items").EnumerateArray());
        Assert.Equal(priceId, line.GetProperty("price_id").GetString());
        Assert.StartsWith("Box ", line.GetProperty("description").GetString());
        Assert.Equal(2, line.GetProperty("quantity").GetInt32());
        Assert.Equal("10.00", line.GetProperty("unit_amount").GetString());
        Assert.Equal("20.00", line.GetProperty("amount_subtotal").GetString());
        Assert.Equal("20.00", line.GetProperty("amount_total").GetString());
        Assert.Equal("20.00", session.GetProperty("amount_subtotal").GetString());
        Assert.Equal("20.00", session.GetProperty("amount_total").GetString());
        Assert.Equal("0.00", session.GetProperty("total_details").GetProperty("amount_discount").GetString());
        Assert.Equal("unpaid", session.GetProperty("payment_status").GetString());
    }

    public sealed class OnSqlite(SqliteApp app) : CheckoutSessionAmountsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : CheckoutSessionAmountsTests(app), IClassFixture<PostgresApp>;
}
