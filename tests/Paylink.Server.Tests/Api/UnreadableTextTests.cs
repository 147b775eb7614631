using System.Text;
using System.Text.Json.Nodes;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// Strings a database cannot store as sent (a lone surrogate, bytes that are not UTF-8, the NUL character)
/// are a 400 naming the field on every write route, on both databases; text that is text still goes through.
/// </summary>
public abstract class UnreadableTextTests(PaylinkApp app)
{
    private readonly HttpClient _client = app.Client();

    /// <summary>What stands for <c>@@</c> inside a JSON string of a body: escapes as sent, or raw bytes.</summary>
    private static readonly Dictionary<string, byte[]> Corruptions = new()
    {
        ["lone high surrogate"] = "\\ud800"u8.ToArray(),
        ["lone low surrogate after text"] = "ab\\udc00"u8.ToArray(),
        ["surrogates in the wrong order"] = "\\udc00\\ud800"u8.ToArray(),
        ["NUL escape"] = "a\\u0000b"u8.ToArray(),
        ["byte that is never UTF-8"] = [(byte)'a', 0xFF, (byte)'b'],
        ["truncated UTF-8 sequence"] = [(byte)'a', 0xE2, 0x82],
        ["overlong UTF-8 NUL"] = [0xC0, 0x80],
        ["UTF-8 encoded surrogate"] = [0xED, 0xA0, 0x80],
    };

    public static TheoryData<string> CorruptionNames => new(Corruptions.Keys);

    /// <summary>A write route, a valid body with one string to corrupt, and the param the 400 must name.</summary>
    private static readonly (string Method, string Path, string Body, string? Param)[] Routes =
    [
        ("POST", "/api/products", """{"name":"@@"}""", "name"),
        ("POST", "/api/products", """{"name":"Box","metadata":{"note":"@@"}}""", "metadata.note"),
        ("POST", "/api/products", """{"name":"Box","metadata":{"k@@":"v"}}""", "metadata"),
        ("POST", "/api/products", """{"name":"Box","prices":[{"currency_id":"usd","unit_amount":"@@"}]}""", "prices[0].unit_amount"),
        ("POST", "/api/products", """{"name":"Box","x@@":1}""", null),
        ("PUT", "/api/products/{product}", """{"description":"@@"}""", "description"),
        ("POST", "/api/prices", """{"product_id":"@@","currency_id":"usd","unit_amount":"1.00"}""", "product_id"),
        ("PUT", "/api/prices/{price}", """{"metadata":{"k":"@@"}}""", "metadata.k"),
        ("POST", "/api/payment-links", """{"name":"Link","currency_id":"usd","line_items":[{"price_id":"@@","quantity":1}]}""", "line_items[0].price_id"),
        ("PUT", "/api/payment-links/{link}", """{"name":"@@"}""", "name"),
        ("POST", "/api/coupons", """{"percent_off":10,"name":"@@"}""", "name"),
        ("POST", "/api/coupons", """{"amount_off":"@@","currency_id":"usd"}""", "amount_off"),
        ("POST", "/api/promotion-codes", """{"coupon_id":"@@"}""", "coupon_id"),
        ("POST", "/api/promotion-codes", """{"coupon_id":"{coupon}","code":"A@@"}""", "code"),
        ("POST", "/api/checkout-sessions", """{"line_items":[{"price_id":"{price}","quantity":1}],"client_reference_id":"@@"}""", "client_reference_id"),
        ("POST", "/api/webhook-endpoints", """{"url":"https://shop.invalid/hook","enabled_events":["*"],"description":"@@"}""", "description"),
        ("PUT", "/api/customers/cus_doesnotexist0000000000", """{"name":"@@"}""", "name"),
    ];

    [Theory]
    [MemberData(nameof(CorruptionNames))]
    public async Task A_string_that_is_not_text_is_a_400_naming_the_field_on_every_write_route(string corruption)
    {
        var ids = await IdsAsync();
        foreach (var (method, path, body, param) in Routes)
        {
            var bytes = Corrupt(Fill(body, ids), Corruptions[corruption]);

            var response = await _client.ApiSendAsync(new HttpMethod(method), Fill(path, ids), bytes, "application/json");

            Assert.True(response.Status == 400, $"{method} {path} {body} with a {corruption}: {response}");
            var error = response.ExpectError(400, "parameter_invalid");
            Assert.Equal(param, error.TryGetProperty("param", out var named) ? named.GetString() : null);
        }
    }

    [Fact]
    public async Task Text_beyond_ASCII_is_stored_as_sent()
    {
        var escaped = await _client.ApiPostAsync("/api/products", """{"name":"Box \ud83d\udce6 \u00fc","metadata":{"\u043a\u043b\u044e\u0447":"\u503c"}}""");
        var raw = await _client.ApiSendAsync(HttpMethod.Post, "/api/products", Encoding.UTF8.GetBytes("""{"name":"Box 📦 ü","metadata":{"ключ":"值"}}"""), "application/json");

        foreach (var created in new[] { escaped, raw })
        {
            var product = (await _client.ApiGetAsync($"/api/products/{created.Expect(200).Id}")).Expect(200);
            Assert.Equal("Box 📦 ü", product["name"].GetString());
            Assert.Equal("值", product["metadata"].GetProperty("ключ").GetString());
        }
    }

    [Fact]
    public async Task A_NUL_in_a_query_parameter_is_refused_before_any_lookup()
    {
        (await _client.ApiGetAsync("/api/products?starting_after=prod_%00abc")).ExpectError(400, "parameter_invalid", "starting_after");
        (await _client.ApiGetAsync("/api/payment-links?lookup_key=a%00b")).ExpectError(400, "parameter_invalid", "lookup_key");
        (await _client.ApiGetAsync("/api/promotion-codes?code=A%00")).ExpectError(400, "parameter_invalid", "code");
        (await _client.ApiGetAsync("/api/customers?email=a%00%40example.com")).ExpectError(400, "parameter_invalid", "email");
    }

    private async Task<Dictionary<string, string>> IdsAsync()
    {
        var price = await Catalog.PriceAsync(_client);
        var product = (await _client.ApiGetAsync($"/api/prices/{price}")).Expect(200)["product_id"].GetString()!;
        var link = (await Catalog.LinkAsync(_client, price)).Id;
        var coupon = (await _client.ApiPostAsync("/api/coupons", new JsonObject { ["percent_off"] = 10 })).Expect(200).Id;
        return new() { ["{price}"] = price, ["{product}"] = product, ["{link}"] = link, ["{coupon}"] = coupon };
    }

    private static string Fill(string text, Dictionary<string, string> ids) =>
        ids.Aggregate(text, (filled, id) => filled.Replace(id.Key, id.Value, StringComparison.Ordinal));

    private static byte[] Corrupt(string body, byte[] corruption)
    {
        var at = body.IndexOf("@@", StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(body[..at]), .. corruption, .. Encoding.UTF8.GetBytes(body[(at + 2)..])];
    }

    public sealed class OnSqlite(SqliteApp app) : UnreadableTextTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : UnreadableTextTests(app), IClassFixture<PostgresApp>;
}
