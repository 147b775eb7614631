using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>Partial updates, metadata merging, resets to defaults and lookup by lookup_key.</summary>
public abstract class PaymentLinkUpdateTests(PaylinkApp app)
{
    private readonly HttpClient _client = app.Client();

    private async Task<ApiResponse> LinkAsync(string extra = "")
    {
        var price = await Catalog.PriceAsync(_client);
        var body = $$"""{"name":"Box","currency_id":"usd","line_items":[{"price_id":"{{price}}","quantity":1}]{{extra}}}""";
        return (await _client.ApiPostAsync("/api/payment-links", body)).Expect(200);
    }

    [Fact]
    public async Task Metadata_keeps_the_order_and_types_sent_and_drops_empty_values_on_create()
    {
        var link = await LinkAsync(""","metadata":{"zeta":"1","alpha":2,"flag":true,"gone":null,"blank":"","ünï":"çødé"}""");

        Assert.Equal("""{"zeta":"1","alpha":2,"flag":true,"ünï":"çødé"}""", link["metadata"].GetRawText());
        var again = (await _client.ApiGetAsync($"/api/payment-links/{link.Id}")).Expect(200);
        Assert.Equal(link["metadata"].GetRawText(), again["metadata"].GetRawText());
    }

    [Fact]
    public async Task Metadata_merges_on_update()
    {
        var link = await LinkAsync(""","metadata":{"a":"1","b":"2","c":"3"}""");

        var updated = (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"metadata":{"b":null,"c":"","d":"4","a":"one"}}""")).Expect(200);

        Assert.Equal("""{"a":"one","d":"4"}""", updated["metadata"].GetRawText());
        var untouched = (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"name":"Renamed"}""")).Expect(200);
        Assert.Equal("""{"a":"one","d":"4"}""", untouched["metadata"].GetRawText());
        var cleared = (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"metadata":null}""")).Expect(200);
        Assert.Equal("{}", cleared["metadata"].GetRawText());
    }

    [Fact]
    public async Task Metadata_over_50_keys_after_merging_is_refused()
    {
        var first = string.Join(",", Enumerable.Range(1, 30).Select(i => $"\"a{i}\":\"x\""));
        var second = string.Join(",", Enumerable.Range(1, 21).Select(i => $"\"b{i}\":\"x\""));
        var link = await LinkAsync($$""","metadata":{{{first}}}""");

        (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", "{\"metadata\":{" + second + "}}")).ExpectError(400, "parameter_invalid", "metadata");

        var unchanged = (await _client.ApiGetAsync($"/api/payment-links/{link.Id}")).Expect(200);
        Assert.Equal(30, unchanged["metadata"].EnumerateObject().Count());
    }

    [Fact]
    public async Task Update_changes_only_the_fields_sent_and_null_resets_a_field_to_its_default()
    {
        var link = await LinkAsync(""","after_completion":{"type":"redirect","redirect":{"url":"https://example.com/thanks"}},"inactive_message":"Sold out","lookup_key":"reset_me_KEY","submit_type":"book","allow_promotion_codes":true""");

        var renamed = (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"name":"New name"}""")).Expect(200);
        Assert.Equal("New name", renamed["name"].GetString());
        Assert.Equal(link["after_completion"].GetRawText(), renamed["after_completion"].GetRawText());
        Assert.Equal("book", renamed["submit_type"].GetString());
        Assert.True(renamed["allow_promotion_codes"].GetBoolean());
        Assert.Equal(link["created_at"].GetString(), renamed["created_at"].GetString());

        var reset = (await _client.ApiPutAsync($"/api/payment-links/{link.Id}",
            """{"after_completion":null,"inactive_message":null,"lookup_key":null,"submit_type":null,"allow_promotion_codes":null}""")).Expect(200);
        Assert.Equal("""{"type":"hosted_confirmation"}""", reset["after_completion"].GetRawText());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reset["inactive_message"].ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reset["lookup_key"].ValueKind);
        Assert.Equal("auto", reset["submit_type"].GetString());
        Assert.False(reset["allow_promotion_codes"].GetBoolean());
        Assert.Equal("New name", reset["name"].GetString());
    }

    [Fact]
    public async Task Line_items_given_replace_the_old_ones_whole()
    {
        var link = await LinkAsync();
        var other = await Catalog.PriceAsync(_client, amount: "5.00");

        var updated = (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", $$"""{"line_items":[{"price_id":"{{other}}","quantity":3}]}""")).Expect(200);

        var line = Assert.Single(updated["line_items"].EnumerateArray());
        Assert.Equal(other, line.GetProperty("price_id").GetString());
        Assert.Equal(3, line.GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task The_currency_changes_only_together_with_line_items_in_it()
    {
        var link = await LinkAsync();
        var euro = await Catalog.PriceAsync(_client, "eur");

        (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"currency_id":"eur"}""")).ExpectError(400, "parameter_invalid", "currency_id");
        (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", $$"""{"line_items":[{"price_id":"{{euro}}","quantity":1}]}"""))
            .ExpectError(400, "parameter_invalid", "line_items[0].price_id");

        var moved = (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", $$"""{"currency_id":"EUR","line_items":[{"price_id":"{{euro}}","quantity":1}]}""")).Expect(200);
        Assert.Equal("eur", moved["currency_id"].GetString());
    }

    [Fact]
    public async Task Update_refuses_bad_values_unknown_fields_and_read_only_fields()
    {
        var link = await LinkAsync();

        (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"name":"  "}""")).ExpectError(400, "parameter_invalid", "name");
        (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"colour":"blue"}""")).ExpectError(400, "parameter_unknown", "colour");
        (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"payment_method_types":["card"]}""")).ExpectError(400, "parameter_unsupported", "payment_method_types");
        (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"created_at":"2020-01-01T00:00:00.000Z"}""")).ExpectError(400, "parameter_invalid", "created_at");
        (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"line_items":[]}""")).ExpectError(400, "parameter_invalid", "line_items");
        (await _client.ApiPutAsync($"/api/payment-links/{link.Id}/archive", """{"active":true}""")).ExpectError(400, "parameter_unknown", "active");

        var unchanged = (await _client.ApiGetAsync($"/api/payment-links/{link.Id}")).Expect(200);
        Assert.Equal("Box", unchanged["name"].GetString());
        Assert.Equal(link["updated_at"].GetString(), unchanged["updated_at"].GetString());
    }

    [Fact]
    public async Task Retrieve_accepts_the_lookup_key_in_place_of_the_id()
    {
        var key = "summer_" + Guid.NewGuid().ToString("N")[..8];
        var link = await LinkAsync($$""","lookup_key":"{{key}}" """);

        var found = (await _client.ApiGetAsync($"/api/payment-links/{key}")).Expect(200);
        Assert.Equal(link.Id, found.Id);
        Assert.NotNull(found["line_items"][0].GetProperty("price").GetProperty("product").GetProperty("id").GetString());

        var listed = (await _client.ApiGetAsync($"/api/payment-links?lookup_key={key}")).Expect(200);
        Assert.Equal(1, listed["count"].GetInt32());
        Assert.Equal(link.Id, Assert.Single(listed["list"].EnumerateArray()).GetProperty("id").GetString());

        (await app.LiveClient().ApiGetAsync($"/api/payment-links/{key}")).ExpectError(404, "resource_missing");
        (await _client.ApiGetAsync("/api/payment-links/no_such_key")).ExpectError(404, "resource_missing");
    }

    public sealed class OnSqlite(SqliteApp app) : PaymentLinkUpdateTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : PaymentLinkUpdateTests(app), IClassFixture<PostgresApp>;
}
