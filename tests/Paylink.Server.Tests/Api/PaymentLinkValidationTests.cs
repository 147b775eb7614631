using System.Text.Json.Nodes;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>Every rule of the payment link create table, and the rules that need stored prices.</summary>
public abstract class PaymentLinkValidationTests(PaylinkApp app)
{
    private readonly HttpClient _client = app.Client();

    [Theory]
    [MemberData(nameof(PaymentLinkCreateRules.Names), MemberType = typeof(PaymentLinkCreateRules))]
    public async Task Create_refuses_a_bad_value(string rule)
    {
        var (path, json, param, code) = PaymentLinkCreateRules.All[rule];
        var price = await Catalog.PriceAsync(_client);
        var body = Catalog.LinkBody(price).With(path, json).ToJsonString().Replace("\"PRICE\"", $"\"{price}\"", StringComparison.Ordinal);

        var before = await CountAsync();

        var response = await _client.ApiPostAsync("/api/payment-links", body);

        var error = response.ExpectError(400, code, param);
        if (code == "parameter_unsupported")
        {
            Assert.Contains("not supported", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Contains(error.GetProperty("errors").EnumerateArray(), e => e.GetProperty("param").GetString() == param);
        Assert.Equal(before, await CountAsync());
    }

    private async Task<int> CountAsync() => (await _client.ApiGetAsync("/api/payment-links?pageSize=1")).Expect(200)["count"].GetInt32();

    [Fact]
    public async Task Create_accepts_values_at_the_limits_and_fills_defaults()
    {
        var product = (await _client.ApiPostAsync("/api/products", new JsonObject
        {
            ["name"] = "Twenty prices",
            ["prices"] = new JsonArray(Enumerable.Range(1, 20).Select(i => (JsonNode)new JsonObject { ["currency_id"] = "usd", ["unit_amount"] = $"{i}.00" }).ToArray()),
        })).Expect(200);
        var lines = product["prices"].EnumerateArray().Select((p, i) => (JsonNode)new JsonObject
        {
            ["price_id"] = p.GetProperty("id").GetString(),
            ["quantity"] = i == 0 ? 999 : 1,
            ["adjustable_quantity"] = i == 1 ? new JsonObject { ["enabled"] = true } : null,
        }).ToArray();
        var body = new JsonObject
        {
            ["name"] = "  " + new string('n', 255) + "  ",
            ["currency_id"] = "USD",
            ["line_items"] = new JsonArray(lines),
            ["after_completion"] = JsonNode.Parse("""{"type":"redirect","redirect":{"url":"https://example.com/done?session={CHECKOUT_SESSION_ID}"}}"""),
            ["lookup_key"] = "Spring_sale.2024-v1",
            ["custom_fields"] = JsonNode.Parse("""[{"key":"gift1","label":"Gift note","type":"text","text":{"maximum_length":255}},{"key":"size","label":"Size","type":"dropdown","dropdown":{"options":[{"label":"S","value":"s"}]}}]"""),
            ["restrictions"] = JsonNode.Parse("""{"completed_sessions":{"limit":100}}"""),
            ["submit_type"] = "donate",
        };
        foreach (var item in body["line_items"]!.AsArray())
        {
            if (item!["adjustable_quantity"] is null)
            {
                item.AsObject().Remove("adjustable_quantity");
            }
        }

        var link = (await _client.ApiPostAsync("/api/payment-links", body)).Expect(200);

        Assert.Equal(new string('n', 255), link["name"].GetString());
        Assert.Equal("usd", link["currency_id"].GetString());
        Assert.Equal(20, link["line_items"].GetArrayLength());
        Assert.Equal(999, link["line_items"][0].GetProperty("quantity").GetInt32());
        Assert.Equal("""{"enabled":true,"minimum":1,"maximum":99}""", link["line_items"][1].GetProperty("adjustable_quantity").GetRawText());
        Assert.Equal("Spring_sale.2024-v1", link["lookup_key"].GetString());
        Assert.Equal(2, link["custom_fields"].GetArrayLength());
        Assert.Equal(100, link["restrictions"].GetProperty("completed_sessions").GetProperty("limit").GetInt32());
        Assert.Equal(0, link["restrictions"].GetProperty("completed_sessions").GetProperty("count").GetInt32());
        Assert.Equal("donate", link["submit_type"].GetString());

        var plain = await Catalog.LinkAsync(_client, lines[0]!["price_id"]!.GetValue<string>());
        Assert.Equal("""{"type":"hosted_confirmation"}""", plain["after_completion"].GetRawText());
        Assert.Equal("{}", plain["metadata"].GetRawText());
    }

    [Fact]
    public async Task Create_lists_every_problem_and_names_the_first()
    {
        var body = """{"name":"","currency_id":"xyz","line_items":[],"colour":"blue"}""";

        var error = (await _client.ApiPostAsync("/api/payment-links", body)).ExpectError(400, "parameter_invalid", "name");

        var named = error.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("param").GetString()).ToList();
        Assert.Equal(["name", "currency_id", "line_items", "colour"], named);
    }

    [Fact]
    public async Task A_price_of_the_other_mode_is_unknown()
    {
        var livePrice = await Catalog.PriceAsync(app.LiveClient());

        var response = await _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(livePrice));

        response.ExpectError(400, "resource_missing", "line_items[0].price_id");
    }

    [Fact]
    public async Task An_archived_price_is_refused()
    {
        var price = await Catalog.PriceAsync(_client);
        (await _client.ApiPutAsync($"/api/prices/{price}/archive", (string?)null)).Expect(200);

        var response = await _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(price));

        response.ExpectError(400, "parameter_invalid", "line_items[0].price_id");
    }

    [Fact]
    public async Task A_price_in_another_currency_is_refused()
    {
        var price = await Catalog.PriceAsync(_client, "eur");

        var response = await _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(price));

        Assert.Contains("eur", response.ExpectError(400, "parameter_invalid", "line_items[0].price_id").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_price_twice_is_refused()
    {
        var price = await Catalog.PriceAsync(_client);
        var body = Catalog.LinkBody(price);
        body["line_items"]!.AsArray().Add(new JsonObject { ["price_id"] = price, ["quantity"] = 2 });

        (await _client.ApiPostAsync("/api/payment-links", body)).ExpectError(400, "parameter_invalid", "line_items[1].price_id");
    }

    [Fact]
    public async Task A_pay_what_you_want_price_must_be_the_only_line_item()
    {
        var fixedPrice = await Catalog.PriceAsync(_client);
        var product = (await _client.ApiPostAsync("/api/products", """{"name":"Donation","prices":[{"currency_id":"usd","custom_unit_amount":{"minimum":"1.00","maximum":"500.00","preset":"10.00"}}]}""")).Expect(200);
        var custom = product["default_price_id"].GetString()!;
        (await Catalog.LinkAsync(_client, custom)).Expect(200);
        var body = Catalog.LinkBody(fixedPrice);
        body["line_items"]!.AsArray().Add(new JsonObject { ["price_id"] = custom, ["quantity"] = 1 });

        (await _client.ApiPostAsync("/api/payment-links", body)).ExpectError(400, "parameter_invalid", "line_items[1].price_id");
    }

    [Fact]
    public async Task A_lookup_key_is_unique_within_a_mode_only()
    {
        var key = "key_" + Guid.NewGuid().ToString("N")[..8];
        var price = await Catalog.PriceAsync(_client);
        (await _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(price).With("lookup_key", $"\"{key}\""))).Expect(200);

        (await _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(price).With("lookup_key", $"\"{key}\""))).ExpectError(400, "lookup_key_taken", "lookup_key");

        var live = app.LiveClient();
        var livePrice = await Catalog.PriceAsync(live);
        (await live.ApiPostAsync("/api/payment-links", Catalog.LinkBody(livePrice).With("lookup_key", $"\"{key}\""))).Expect(200);
    }

    public sealed class OnSqlite(SqliteApp app) : PaymentLinkValidationTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : PaymentLinkValidationTests(app), IClassFixture<PostgresApp>;
}
