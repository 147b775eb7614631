using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>Prices: amounts as decimal strings, the field rules, what may change, lookup keys and filters.</summary>
public abstract class PriceTests(PaylinkApp app)
{
    private readonly HttpClient _client = app.Client();

    private async Task<string> ProductAsync() =>
        (await _client.ApiPostAsync("/api/products", """{"name":"Priced"}""")).Expect(200).Id;

    [Theory]
    [InlineData("usd", "\"20\"", "20.00")]
    [InlineData("usd", "20.5", "20.50")]
    [InlineData("USD", "\"0.99\"", "0.99")]
    [InlineData("jpy", "1500", "1500")]
    [InlineData("eur", "\"99999999.99\"", "99999999.99")]
    [InlineData("usd", "0", "0.00")]
    public async Task Amounts_come_back_with_the_currencys_places(string currency, string amount, string expected)
    {
        var product = await ProductAsync();

        var price = (await _client.ApiPostAsync("/api/prices", $$"""{"product_id":"{{product}}","currency_id":"{{currency}}","unit_amount":{{amount}}}""")).Expect(200);

        Assert.StartsWith("price_", price.Id);
        Assert.Equal(expected, price["unit_amount"].GetString());
        Assert.Equal(currency.ToLowerInvariant(), price["currency_id"].GetString());
        Assert.Equal("one_time", price["type"].GetString());
        Assert.Equal(0, price["quantity_sold"].GetInt32());
    }

    [Theory]
    [InlineData("""{"currency_id":"usd","unit_amount":"1.00"}""", "product_id", "parameter_missing")]
    [InlineData("""{"product_id":"prod_doesnotexist000000000","currency_id":"usd","unit_amount":"1.00"}""", "product_id", "resource_missing")]
    [InlineData("""{"product_id":"PRODUCT","unit_amount":"1.00"}""", "currency_id", "parameter_missing")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"abc","unit_amount":"1.00"}""", "currency_id", "parameter_invalid")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd","unit_amount":"1.00","type":"recurring"}""", "type", "recurring_not_supported")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd"}""", "unit_amount", "parameter_missing")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd","unit_amount":"-1.00"}""", "unit_amount", "parameter_invalid")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd","unit_amount":"20.001"}""", "unit_amount", "parameter_invalid")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"jpy","unit_amount":"15.5"}""", "unit_amount", "parameter_invalid")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd","unit_amount":"100000000.00"}""", "unit_amount", "parameter_invalid")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd","unit_amount":1e3}""", "unit_amount", "parameter_invalid")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd","unit_amount":"twenty"}""", "unit_amount", "parameter_invalid")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd","unit_amount":true}""", "unit_amount", "parameter_invalid")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd","unit_amount":"1.00","custom_unit_amount":{"minimum":"1.00"}}""", "custom_unit_amount", "parameter_invalid")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd","custom_unit_amount":{"minimum":"10.00","maximum":"5.00"}}""", "custom_unit_amount.minimum", "parameter_invalid")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd","custom_unit_amount":{"minimum":"1.00","maximum":"5.00","preset":"6.00"}}""", "custom_unit_amount.preset", "parameter_invalid")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd","unit_amount":"1.00","quantity_sold":3}""", "quantity_sold", "parameter_invalid")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd","unit_amount":"1.00","quantity_available":-1}""", "quantity_available", "parameter_invalid")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd","unit_amount":"1.00","recurring":{"interval":"month"}}""", "recurring", "parameter_unsupported")]
    [InlineData("""{"product_id":"PRODUCT","currency_id":"usd","unit_amount":"1.00","colour":"blue"}""", "colour", "parameter_unknown")]
    public async Task Create_refuses_a_bad_price(string body, string param, string code)
    {
        var product = await ProductAsync();

        var response = await _client.ApiPostAsync("/api/prices", body.Replace("PRODUCT", product, StringComparison.Ordinal));

        response.ExpectError(400, code, param);
        Assert.Equal(0, (await _client.ApiGetAsync($"/api/prices?product_id={product}")).Expect(200)["count"].GetInt32());
    }

    [Fact]
    public async Task Retrieve_expands_product_and_currency_and_only_some_fields_change()
    {
        var product = await ProductAsync();
        var price = (await _client.ApiPostAsync("/api/prices", $$"""{"product_id":"{{product}}","currency_id":"jpy","unit_amount":"1500","nickname":"Yen","metadata":{"a":"1"} }""")).Expect(200);

        var retrieved = (await _client.ApiGetAsync($"/api/prices/{price.Id}")).Expect(200);
        Assert.Equal(product, retrieved["product"].GetProperty("id").GetString());
        Assert.Equal(0, retrieved["currency"].GetProperty("decimal").GetInt32());

        var updated = (await _client.ApiPutAsync($"/api/prices/{price.Id}", """{"nickname":"Yen 2","metadata":{"b":"2"},"quantity_available":5}""")).Expect(200);
        Assert.Equal("Yen 2", updated["nickname"].GetString());
        Assert.Equal("""{"a":"1","b":"2"}""", updated["metadata"].GetRawText());
        Assert.Equal(5, updated["quantity_available"].GetInt32());
        Assert.Equal(5, (await _client.ApiGetAsync($"/api/prices/{price.Id}")).Expect(200)["quantity_available"].GetInt32());
        Assert.Equal("1500", updated["unit_amount"].GetString());

        foreach (var immutable in new[] { "\"unit_amount\":\"1\"", "\"currency_id\":\"usd\"", "\"type\":\"one_time\"", "\"product_id\":\"x\"" })
        {
            var name = immutable.Split(':')[0].Trim('"');
            (await _client.ApiPutAsync($"/api/prices/{price.Id}", "{" + immutable + "}")).ExpectError(400, "parameter_immutable", name);
        }

        (await _client.ApiPutAsync($"/api/prices/{price.Id}", """{"quantity_available":-2}""")).ExpectError(400, "parameter_invalid", "quantity_available");
    }

    [Fact]
    public async Task A_lookup_key_is_unique_among_active_prices_of_a_mode()
    {
        var product = await ProductAsync();
        var key = "gold_" + Guid.NewGuid().ToString("N")[..8];
        var body = $$"""{"product_id":"{{product}}","currency_id":"usd","unit_amount":"9.00","lookup_key":"{{key}}"}""";
        var first = (await _client.ApiPostAsync("/api/prices", body)).Expect(200);

        (await _client.ApiPostAsync("/api/prices", body)).ExpectError(400, "lookup_key_taken", "lookup_key");
        var listed = (await _client.ApiGetAsync($"/api/prices?lookup_key={key}")).Expect(200);
        Assert.Equal(first.Id, Assert.Single(listed["list"].EnumerateArray()).GetProperty("id").GetString());

        (await _client.ApiPutAsync($"/api/prices/{first.Id}/archive", (string?)null)).Expect(200);
        (await _client.ApiPostAsync("/api/prices", body)).Expect(200);
        (await _client.ApiPutAsync($"/api/prices/{first.Id}", """{"active":true}""")).ExpectError(400, "lookup_key_taken", "lookup_key");
    }

    [Fact]
    public async Task The_list_filters_by_product_currency_and_active()
    {
        var product = await ProductAsync();
        var usd = (await _client.ApiPostAsync("/api/prices", $$"""{"product_id":"{{product}}","currency_id":"usd","unit_amount":"1.00"}""")).Expect(200).Id;
        var eur = (await _client.ApiPostAsync("/api/prices", $$"""{"product_id":"{{product}}","currency_id":"eur","unit_amount":"1.00","active":false}""")).Expect(200).Id;

        Assert.Equal([eur, usd], await IdsAsync($"product_id={product}"));
        Assert.Equal([eur], await IdsAsync($"product_id={product}&currency_id=EUR"));
        Assert.Equal([usd], await IdsAsync($"product_id={product}&active=true"));
        (await _client.ApiGetAsync("/api/prices?order=name:ASC")).ExpectError(400, "parameter_invalid", "order");
    }

    private async Task<List<string>> IdsAsync(string query) =>
        (await _client.ApiGetAsync($"/api/prices?{query}")).Expect(200)["list"].EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();

    public sealed class OnSqlite(SqliteApp app) : PriceTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : PriceTests(app), IClassFixture<PostgresApp>;
}
