using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>The seed flow of the spec: create with the seed body, retrieve, update, archive, list.</summary>
public abstract partial class PaymentLinkSeedTests(PaylinkApp app)
{
    private readonly HttpClient _client = app.Client();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex Timestamp();

    [GeneratedRegex("^pl_[0-9A-Za-z]{20,}$")]
    private static partial Regex LinkId();

    [Fact]
    public async Task Create_with_the_seed_body_returns_the_seed_response()
    {
        var price = await Catalog.PriceAsync(_client);
        var link = (await _client.ApiPostAsync("/api/payment-links", Catalog.SeedBody(price))).Expect(200);

        Assert.Matches(LinkId(), link.Id);
        Assert.Equal("payment_link", link["object"].GetString());
        Assert.True(link["active"].GetBoolean());
        Assert.False(link["livemode"].GetBoolean());
        Assert.Equal("Monthly Subscription Box", link["name"].GetString());
        var line = Assert.Single(link["line_items"].EnumerateArray());
        Assert.Equal(price, line.GetProperty("price_id").GetString());
        Assert.Equal(1, line.GetProperty("quantity").GetInt32());
        Assert.False(line.TryGetProperty("price", out _), "create returns line items as ids");
        Assert.Equal("usd", link["currency_id"].GetString());
        Assert.Equal("""{"type":"redirect","redirect":{"url":"https://example.com/thanks"}}""", link["after_completion"].GetRawText());
        Assert.Equal("""{"order_id":"6735"}""", link["metadata"].GetRawText());
        Assert.False(link["allow_promotion_codes"].GetBoolean());
        Assert.Equal(0, link["custom_fields"].GetArrayLength());
        Assert.Equal("if_required", link["customer_creation"].GetString());
        Assert.Equal("auto", link["billing_address_collection"].GetString());
        Assert.Equal("auto", link["submit_type"].GetString());
        Assert.Equal("api", link["created_via"].GetString());
        Assert.False(link["phone_number_collection"].GetProperty("enabled").GetBoolean());
        Assert.Equal("none", link["consent_collection"].GetProperty("terms_of_service").GetString());
        Assert.Equal(JsonValueKind.Null, link["inactive_message"].ValueKind);
        Assert.Equal(JsonValueKind.Null, link["lookup_key"].ValueKind);
        Assert.Equal($"http://localhost/checkout/pay/{link.Id}", link["url"].GetString());

        foreach (var name in new[] { "created_at", "updated_at" })
        {
            var text = link[name].GetString()!;
            Assert.Matches(Timestamp(), text);
            var instant = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            Assert.InRange(instant, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(1));
        }

        Assert.Equal(link["created_at"].GetString(), link["updated_at"].GetString());
    }

    [Fact]
    public async Task Retrieve_expands_each_line_items_price_with_its_product_and_currency()
    {
        var price = await Catalog.PriceAsync(_client, amount: "12.50");
        var created = (await _client.ApiPostAsync("/api/payment-links", Catalog.SeedBody(price))).Expect(200);

        var link = (await _client.ApiGetAsync($"/api/payment-links/{created.Id}")).Expect(200);

        Assert.Equal(created.Id, link.Id);
        Assert.Equal(created["metadata"].GetRawText(), link["metadata"].GetRawText());
        Assert.Equal(created["created_at"].GetString(), link["created_at"].GetString());
        var expanded = Assert.Single(link["line_items"].EnumerateArray()).GetProperty("price");
        Assert.Equal(price, expanded.GetProperty("id").GetString());
        Assert.Equal("12.50", expanded.GetProperty("unit_amount").GetString());
        var product = expanded.GetProperty("product");
        Assert.Equal("product", product.GetProperty("object").GetString());
        Assert.Equal(expanded.GetProperty("product_id").GetString(), product.GetProperty("id").GetString());
        Assert.StartsWith("Box ", product.GetProperty("name").GetString());
        var currency = expanded.GetProperty("currency");
        Assert.Equal("usd", currency.GetProperty("id").GetString());
        Assert.Equal(2, currency.GetProperty("decimal").GetInt32());
    }

    [Fact]
    public async Task Update_with_the_seed_changes_returns_inactive_link_with_new_metadata()
    {
        var price = await Catalog.PriceAsync(_client);
        var created = (await _client.ApiPostAsync("/api/payment-links", Catalog.SeedBody(price))).Expect(200);

        var updated = (await _client.ApiPutAsync($"/api/payment-links/{created.Id}", """{"metadata":{"order_id":"6735-updated"},"active":false}""")).Expect(200);

        Assert.False(updated["active"].GetBoolean());
        Assert.Equal("""{"order_id":"6735-updated"}""", updated["metadata"].GetRawText());
        Assert.Equal("Monthly Subscription Box", updated["name"].GetString());
        Assert.Equal(created["after_completion"].GetRawText(), updated["after_completion"].GetRawText());
        Assert.Equal(created["created_at"].GetString(), updated["created_at"].GetString());
        var again = (await _client.ApiGetAsync($"/api/payment-links/{created.Id}")).Expect(200);
        Assert.False(again["active"].GetBoolean());
        Assert.Equal("""{"order_id":"6735-updated"}""", again["metadata"].GetRawText());
    }

    [Fact]
    public async Task Archive_deactivates_and_archiving_again_is_fine()
    {
        var price = await Catalog.PriceAsync(_client);
        var created = (await _client.ApiPostAsync("/api/payment-links", Catalog.SeedBody(price))).Expect(200);

        var archived = (await _client.ApiPutAsync($"/api/payment-links/{created.Id}/archive", (string?)null)).Expect(200);
        Assert.False(archived["active"].GetBoolean());
        var twice = (await _client.ApiPutAsync($"/api/payment-links/{created.Id}/archive", (string?)null)).Expect(200);
        Assert.False(twice["active"].GetBoolean());
        Assert.Equal(archived["updated_at"].GetString(), twice["updated_at"].GetString());

        // The Node client archives with a form content type and no bytes.
        var form = new HttpRequestMessage(HttpMethod.Put, $"/api/payment-links/{created.Id}/archive") { Content = new ByteArrayContent([]) };
        form.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        (await _client.ApiSendAsync(form)).Expect(200);

        var reactivated = (await _client.ApiPutAsync($"/api/payment-links/{created.Id}", """{"active":true}""")).Expect(200);
        Assert.True(reactivated["active"].GetBoolean());
    }

    [Fact]
    public async Task List_with_pageSize_5_returns_the_count_and_five_links()
    {
        var price = await Catalog.PriceAsync(_client);
        for (var i = 0; i < 6; i++)
        {
            (await _client.ApiPostAsync("/api/payment-links", Catalog.SeedBody(price))).Expect(200);
        }

        var page = (await _client.ApiGetAsync("/api/payment-links?pageSize=5")).Expect(200);

        Assert.Equal(5, page["list"].GetArrayLength());
        Assert.True(page["has_more"].GetBoolean());
        Assert.Equal(5, page["paging"].GetProperty("pageSize").GetInt32());
        Assert.Equal(1, page["paging"].GetProperty("page").GetInt32());
        var all = (await _client.ApiGetAsync("/api/payment-links?pageSize=100")).Expect(200);
        Assert.True(all["list"].GetArrayLength() >= 6);
        Assert.Equal(all["list"].GetArrayLength(), page["count"].GetInt32());
        Assert.Equal(page["count"].GetInt32(), all["count"].GetInt32());
        Assert.All(page["list"].EnumerateArray(), l => Assert.Equal("payment_link", l.GetProperty("object").GetString()));
    }

    public sealed class OnSqlite(SqliteApp app) : PaymentLinkSeedTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : PaymentLinkSeedTests(app), IClassFixture<PostgresApp>;
}
