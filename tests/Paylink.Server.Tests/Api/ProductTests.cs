using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>Products: defaults, nested prices, the field rules, archive, delete and list.</summary>
public abstract class ProductTests(PaylinkApp app)
{
    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task A_product_made_with_prices_points_at_the_first_and_shows_them_on_retrieve()
    {
        var made = (await _client.ApiPostAsync("/api/products",
            """{"name":"Coffee","type":"good","description":"Beans","images":["https://example.com/a.png"],"unit_label":"bag","statement_descriptor":"COFFEE CO","metadata":{"sku":"c-1"},"prices":[{"currency_id":"usd","unit_amount":"12.00"},{"currency_id":"eur","unit_amount":11}]}""")).Expect(200);

        Assert.StartsWith("prod_", made.Id);
        Assert.Equal("product", made["object"].GetString());
        Assert.Equal("good", made["type"].GetString());
        Assert.True(made["active"].GetBoolean());
        Assert.Equal("""["https://example.com/a.png"]""", made["images"].GetRawText());
        Assert.Equal("""{"sku":"c-1"}""", made["metadata"].GetRawText());
        var prices = made["prices"].EnumerateArray().ToList();
        Assert.Equal(2, prices.Count);
        Assert.Equal(prices[0].GetProperty("id").GetString(), made["default_price_id"].GetString());
        Assert.Equal("11.00", prices[1].GetProperty("unit_amount").GetString());
        Assert.All(prices, p => Assert.Equal(made.Id, p.GetProperty("product_id").GetString()));

        var retrieved = (await _client.ApiGetAsync($"/api/products/{made.Id}")).Expect(200);
        Assert.Equal(prices.Select(p => p.GetProperty("id").GetString()), retrieved["prices"].EnumerateArray().Select(p => p.GetProperty("id").GetString()));

        var plain = (await _client.ApiPostAsync("/api/products", """{"name":"Plain"}""")).Expect(200);
        Assert.Equal("service", plain["type"].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, plain["default_price_id"].ValueKind);
        Assert.Equal("[]", plain["images"].GetRawText());
    }

    [Theory]
    [InlineData("""{}""", "name", "parameter_missing")]
    [InlineData("""{"name":""}""", "name", "parameter_invalid")]
    [InlineData("""{"name":"x","type":"digital"}""", "type", "parameter_invalid")]
    [InlineData("""{"name":"x","images":["not a url"]}""", "images[0]", "parameter_invalid")]
    [InlineData("""{"name":"x","images":["ftp://example.com/a.png"]}""", "images[0]", "parameter_invalid")]
    [InlineData("""{"name":"x","statement_descriptor":"abc"}""", "statement_descriptor", "parameter_invalid")]
    [InlineData("""{"name":"x","unit_label":"thirteen char"}""", "unit_label", "parameter_invalid")]
    [InlineData("""{"name":"x","active":"yes"}""", "active", "parameter_invalid")]
    [InlineData("""{"name":"x","default_price_id":"price_1"}""", "default_price_id", "parameter_invalid")]
    [InlineData("""{"name":"x","tax_code":"txcd_1"}""", "tax_code", "parameter_unsupported")]
    [InlineData("""{"name":"x","colour":"blue"}""", "colour", "parameter_unknown")]
    [InlineData("""{"name":"x","metadata":{"a":[1]}}""", "metadata.a", "parameter_invalid")]
    [InlineData("""{"name":"x","prices":[{"currency_id":"usd","unit_amount":"1.00","product_id":"prod_1"}]}""", "prices[0].product_id", "parameter_invalid")]
    [InlineData("""{"name":"x","prices":[{"currency_id":"usd","unit_amount":"1.001"}]}""", "prices[0].unit_amount", "parameter_invalid")]
    [InlineData("""{"name":"x","prices":[{"currency_id":"usd","unit_amount":"1.00"},{"currency_id":"usd"}]}""", "prices[1].unit_amount", "parameter_missing")]
    public async Task Create_refuses_a_bad_product_and_makes_nothing(string body, string param, string code)
    {
        var before = (await _client.ApiGetAsync("/api/products?pageSize=1")).Expect(200)["count"].GetInt32();

        (await _client.ApiPostAsync("/api/products", body)).ExpectError(400, code, param);

        Assert.Equal(before, (await _client.ApiGetAsync("/api/products?pageSize=1")).Expect(200)["count"].GetInt32());
    }

    [Fact]
    public async Task A_long_name_is_refused_and_images_are_limited_to_eight()
    {
        (await _client.ApiPostAsync("/api/products", $$"""{"name":{{JsonEdit.Text(256)}}}""")).ExpectError(400, "parameter_invalid", "name");
        var nine = string.Join(",", Enumerable.Range(1, 9).Select(i => $"\"https://example.com/{i}.png\""));
        (await _client.ApiPostAsync("/api/products", $$"""{"name":"x","images":[{{nine}}]}""")).ExpectError(400, "parameter_invalid", "images");
    }

    [Fact]
    public async Task Update_is_partial_and_the_default_price_must_be_one_of_its_own()
    {
        var product = (await _client.ApiPostAsync("/api/products", """{"name":"Tea","metadata":{"a":"1"},"prices":[{"currency_id":"usd","unit_amount":"3.00"},{"currency_id":"usd","unit_amount":"4.00"}]}""")).Expect(200);
        var second = product["prices"][1].GetProperty("id").GetString();
        var foreign = await Catalog.PriceAsync(_client);

        var updated = (await _client.ApiPutAsync($"/api/products/{product.Id}", "{\"description\":\"Green\",\"default_price_id\":\"" + second + "\",\"metadata\":{\"b\":\"2\"}}")).Expect(200);
        Assert.Equal("Tea", updated["name"].GetString());
        Assert.Equal("Green", updated["description"].GetString());
        Assert.Equal(second, updated["default_price_id"].GetString());
        Assert.Equal("""{"a":"1","b":"2"}""", updated["metadata"].GetRawText());

        (await _client.ApiPutAsync($"/api/products/{product.Id}", $$"""{"default_price_id":"{{foreign}}"}""")).ExpectError(400, "parameter_invalid", "default_price_id");
        (await _client.ApiPutAsync($"/api/products/{product.Id}", """{"prices":[]}""")).ExpectError(400, "parameter_invalid", "prices");
        (await _client.ApiPutAsync($"/api/products/{product.Id}", """{"name":""}""")).ExpectError(400, "parameter_invalid", "name");
    }

    [Fact]
    public async Task A_product_can_be_deleted_until_a_link_uses_one_of_its_prices()
    {
        var unused = (await _client.ApiPostAsync("/api/products", """{"name":"Unused","prices":[{"currency_id":"usd","unit_amount":"1.00"}]}""")).Expect(200);
        var deleted = (await _client.ApiSendAsync(HttpMethod.Delete, $"/api/products/{unused.Id}", (string?)null)).Expect(200);
        Assert.True(deleted["deleted"].GetBoolean());
        (await _client.ApiGetAsync($"/api/products/{unused.Id}")).ExpectError(404, "resource_missing");
        (await _client.ApiGetAsync($"/api/prices/{unused["default_price_id"].GetString()}")).ExpectError(404, "resource_missing");

        var price = await Catalog.PriceAsync(_client);
        await Catalog.LinkAsync(_client, price);
        var productId = (await _client.ApiGetAsync($"/api/prices/{price}")).Expect(200)["product_id"].GetString();
        (await _client.ApiSendAsync(HttpMethod.Delete, $"/api/products/{productId}", (string?)null)).ExpectError(409, "resource_in_use");
        var archived = (await _client.ApiPutAsync($"/api/products/{productId}/archive", (string?)null)).Expect(200);
        Assert.False(archived["active"].GetBoolean());
    }

    [Fact]
    public async Task The_list_filters_by_active_and_name_and_counts_them()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _client.ApiPostAsync("/api/products", $$"""{"name":"List {{tag}} {{i}}"}""")).Expect(200).Id);
        }

        (await _client.ApiPutAsync($"/api/products/{ids[0]}/archive", (string?)null)).Expect(200);

        var all = (await _client.ApiGetAsync($"/api/products?q={tag}&order=name:ASC")).Expect(200);
        Assert.Equal(3, all["count"].GetInt32());
        Assert.Equal(ids, all["list"].EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
        var active = (await _client.ApiGetAsync($"/api/products?q={tag}&active=true&order=name:ASC")).Expect(200);
        Assert.Equal(ids[1..], active["list"].EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
        Assert.Equal(2, active["count"].GetInt32());
        var totalActive = (await _client.ApiGetAsync("/api/products?active=true&pageSize=100")).Expect(200);
        Assert.Equal(totalActive["list"].GetArrayLength(), totalActive["count"].GetInt32());
    }

    public sealed class OnSqlite(SqliteApp app) : ProductTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ProductTests(app), IClassFixture<PostgresApp>;
}
