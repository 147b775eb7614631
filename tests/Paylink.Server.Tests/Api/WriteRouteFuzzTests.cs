using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// A seeded fuzz of the write routes: 2,000 requests per database, each a valid body mutated (wrong types,
/// huge numbers, strings that are not text, deep nesting, unknown fields, long strings, many metadata keys,
/// broken or empty bodies, other content types). No answer may be a 5xx, and every error is the envelope.
/// A failure prints the seed, the request's number and the request itself, so it can be sent again.
/// </summary>
public abstract class WriteRouteFuzzTests(PaylinkApp app)
{
    private const int Seed = 20_261_203;
    private const int Requests = 2_000;

    private readonly HttpClient _client = app.Client();

    // Placeholders for what a JsonNode cannot hold, swapped into the bytes after serializing.
    private const string LoneSurrogate = "@@lone@@";
    private const string NotUtf8 = "@@notutf8@@";
    private const string Nul = "@@nul@@";

    [Fact]
    public async Task Mutated_write_requests_never_get_a_5xx_and_every_error_is_the_envelope()
    {
        var ids = await IdsAsync();
        var routes = Routes(ids);
        var random = new Random(Seed);
        var failures = new List<string>();

        for (var n = 0; n < Requests; n++)
        {
            var (method, path, valid) = routes[random.Next(routes.Length)];
            var body = valid();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                Mutate(body, random);
            }

            var bytes = Bytes(body.ToJsonString());
            var contentType = "application/json";
            switch (random.Next(20))
            {
                case 0: bytes = bytes[..random.Next(bytes.Length)]; break;
                case 1: bytes = [.. Enumerable.Range(0, random.Next(1, 64)).Select(_ => (byte)random.Next(256))]; break;
                case 2: bytes = []; break;
                case 3: contentType = new[] { "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "" }[random.Next(4)]; break;
                case 4: bytes = Bytes(new string('[', random.Next(20, 2000)) + new string(']', random.Next(2))); break;
            }

            var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent(bytes) };
            if (contentType.Length > 0)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            var response = await _client.ApiSendAsync(request);
            if (Problem(response) is { } problem)
            {
                failures.Add($"seed {Seed}, request {n}: {method} {path} ({contentType}) {Printable(bytes)}\n  -> {problem}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Requests} requests failed:\n{string.Join("\n", failures.Take(5))}");
    }

    private static string? Problem(ApiResponse response)
    {
        if (response.Status >= 500)
        {
            return $"{response.Status}: {response.Text}";
        }

        if (response.Status < 400)
        {
            return null;
        }

        if (response.Json.ValueKind != JsonValueKind.Object || !response.Json.TryGetProperty("error", out var error)
            || error.ValueKind != JsonValueKind.Object
            || !error.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !error.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String
            || !error.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String
            || !error.TryGetProperty("request_id", out var requestId) || requestId.GetString() != response.Header("Request-Id"))
        {
            return $"{response.Status} not in the error envelope: {response.Text}";
        }

        return null;
    }

    private static void Mutate(JsonObject body, Random random)
    {
        var (owner, key) = PickField(body, random);
        switch (random.Next(9))
        {
            case 0 or 1:
                if (key is not null)
                {
                    owner[key] = Weird(random);
                }

                break;
            case 2:
                owner["unknown_" + random.Next(100)] = Weird(random);
                break;
            case 3:
                if (key is not null)
                {
                    owner.Remove(key);
                }

                break;
            case 4:
                var metadata = new JsonObject();
                var count = new[] { 50, 51, 60, 1000 }[random.Next(4)];
                for (var i = 0; i < count; i++)
                {
                    metadata[random.Next(10) == 0 ? new string('k', 41) + i : $"k{i}"] = random.Next(5) == 0 ? Weird(random) : "v";
                }

                body["metadata"] = metadata;
                break;
            case 5:
                JsonNode nested = Weird(random) ?? "x";
                for (var depth = random.Next(5, 40); depth > 0; depth--)
                {
                    nested = random.Next(2) == 0 ? new JsonArray(nested) : new JsonObject { ["a"] = nested };
                }

                owner[key ?? "deep"] = nested;
                break;
            default:
                if (key is not null)
                {
                    owner[key] = new[] { LoneSurrogate, NotUtf8, Nul, "a" + Nul + "b", "x" + LoneSurrogate }[random.Next(5)];
                }
                else
                {
                    owner["k" + NotUtf8] = "v";
                }

                break;
        }
    }

    /// <summary>A field of the body or of an object inside it (metadata, a line item, …); a null key when there is none.</summary>
    private static (JsonObject Owner, string? Key) PickField(JsonObject body, Random random)
    {
        var owner = body;
        while (true)
        {
            if (owner.Count == 0)
            {
                return (owner, null);
            }

            var (key, value) = owner.ElementAt(random.Next(owner.Count));
            var inner = value switch
            {
                JsonObject o => o,
                JsonArray { Count: > 0 } a when a[0] is JsonObject first => first,
                _ => null,
            };
            if (inner is null || random.Next(3) == 0)
            {
                return (owner, key);
            }

            owner = inner;
        }
    }

    private static JsonNode? Weird(Random random) => random.Next(16) switch
    {
        0 => null,
        1 => true,
        2 => -1,
        3 => long.MaxValue,
        4 => JsonNode.Parse("1e400"),
        5 => JsonNode.Parse("123456789012345678901234567890.123456789"),
        6 => JsonNode.Parse("-0.0000000000000000001"),
        7 => 0.5,
        8 => new JsonArray("a", 1, null),
        9 => new JsonObject { ["x"] = "y" },
        10 => "",
        11 => new string('a', random.Next(256, 20_000)),
        12 => "📦 ü 值 " + LoneSurrogate,
        13 => "  20.00  ",
        14 => "price_doesnotexist0000000000",
        _ => Nul,
    };

    private static byte[] Bytes(string json)
    {
        var text = json.Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal).Replace(Nul, "\\u0000", StringComparison.Ordinal);
        var parts = text.Split(NotUtf8);
        return [.. parts.SelectMany((part, i) => i == 0 ? Encoding.UTF8.GetBytes(part) : [0xC3, 0x28, .. Encoding.UTF8.GetBytes(part)])];
    }

    /// <summary>The body readably (bytes that are not UTF-8 shown as U+FFFD) and exactly, in base64.</summary>
    private static string Printable(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return $"{bytes.Length} bytes: {(text.Length > 500 ? text[..500] + "…" : text)}\n  base64: {Convert.ToBase64String(bytes)}";
    }

    private async Task<Dictionary<string, string>> IdsAsync()
    {
        var price = await Catalog.PriceAsync(_client);
        var product = (await _client.ApiGetAsync($"/api/prices/{price}")).Expect(200)["product_id"].GetString()!;
        var coupon = (await _client.ApiPostAsync("/api/coupons", new JsonObject { ["percent_off"] = 10 })).Expect(200).Id;
        return new()
        {
            ["price"] = price,
            ["product"] = product,
            ["link"] = (await Catalog.LinkAsync(_client, price)).Id,
            ["coupon"] = coupon,
            ["promo"] = (await _client.ApiPostAsync("/api/promotion-codes", new JsonObject { ["coupon_id"] = coupon })).Expect(200).Id,
            ["endpoint"] = (await _client.ApiPostAsync("/api/webhook-endpoints", Endpoint())).Expect(200).Id,
        };
    }

    private static JsonObject Endpoint() => new() { ["url"] = "https://shop.invalid/hook", ["enabled_events"] = new JsonArray("*"), ["description"] = "d" };

    private static (string Method, string Path, Func<JsonObject> Body)[] Routes(Dictionary<string, string> ids)
    {
        JsonArray LineItems() => [new JsonObject { ["price_id"] = ids["price"], ["quantity"] = 1 }];
        JsonObject Metadata() => new() { ["order_id"] = "6735", ["n"] = 1 };
        return
        [
            ("POST", "/api/products", () => new() { ["name"] = "Box", ["description"] = "d", ["metadata"] = Metadata(), ["prices"] = new JsonArray(new JsonObject { ["currency_id"] = "usd", ["unit_amount"] = "20.00" }) }),
            ("PUT", $"/api/products/{ids["product"]}", () => new() { ["name"] = "Box", ["active"] = true, ["metadata"] = Metadata() }),
            ("POST", "/api/prices", () => new() { ["product_id"] = ids["product"], ["currency_id"] = "usd", ["unit_amount"] = "1.00", ["nickname"] = "n", ["metadata"] = Metadata() }),
            ("PUT", $"/api/prices/{ids["price"]}", () => new() { ["nickname"] = "n", ["active"] = true, ["metadata"] = Metadata() }),
            ("POST", "/api/payment-links", () => new() { ["name"] = "Link", ["currency_id"] = "usd", ["line_items"] = LineItems(), ["metadata"] = Metadata(), ["after_completion"] = new JsonObject { ["type"] = "redirect", ["redirect"] = new JsonObject { ["url"] = "https://example.com/thanks" } } }),
            ("PUT", $"/api/payment-links/{ids["link"]}", () => new() { ["name"] = "Link", ["active"] = true, ["metadata"] = Metadata() }),
            ("POST", "/api/coupons", () => new() { ["percent_off"] = 10, ["name"] = "Ten", ["metadata"] = Metadata() }),
            ("POST", "/api/coupons", () => new() { ["amount_off"] = "5.00", ["currency_id"] = "usd", ["max_redemptions"] = 3 }),
            ("PUT", $"/api/coupons/{ids["coupon"]}", () => new() { ["name"] = "Ten", ["metadata"] = Metadata() }),
            ("POST", "/api/promotion-codes", () => new() { ["coupon_id"] = ids["coupon"], ["max_redemptions"] = 5, ["metadata"] = Metadata() }),
            ("PUT", $"/api/promotion-codes/{ids["promo"]}", () => new() { ["active"] = true, ["metadata"] = Metadata() }),
            ("POST", "/api/checkout-sessions", () => new() { ["line_items"] = LineItems(), ["success_url"] = "https://example.com/ok", ["client_reference_id"] = "r", ["metadata"] = Metadata() }),
            ("POST", "/api/webhook-endpoints", () => Endpoint()),
            ("PUT", $"/api/webhook-endpoints/{ids["endpoint"]}", () => new() { ["description"] = "d", ["metadata"] = Metadata() }),
            ("PUT", "/api/customers/cus_doesnotexist0000000000", () => new() { ["name"] = "n", ["address"] = new JsonObject { ["country"] = "US" } }),
            ("PUT", $"/api/products/{ids["product"]}/archive", () => []),
        ];
    }

    public sealed class OnSqlite(SqliteApp app) : WriteRouteFuzzTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : WriteRouteFuzzTests(app), IClassFixture<PostgresApp>;
}
