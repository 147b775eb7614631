using System.Text.Json.Nodes;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>Metadata holds at most 50 keys on every create, as on every update.</summary>
public abstract class MetadataKeyLimitTests(PaylinkApp app)
{
    private readonly HttpClient _client = app.Client();

    [Theory]
    [InlineData(51)]
    [InlineData(10_000)]
    public async Task A_create_with_more_than_50_metadata_keys_is_a_400_on_every_resource(int keys)
    {
        foreach (var (path, body, param) in await CreatesAsync())
        {
            WithKeys(body, param, keys);

            var response = await _client.ApiPostAsync(path, body);

            Assert.True(response.Status == 400, $"POST {path} with {keys} metadata keys: {Start(response)}");
            response.ExpectError(400, "parameter_invalid", param);
        }
    }

    [Fact]
    public async Task A_create_with_50_metadata_keys_keeps_them_all()
    {
        foreach (var (path, body, param) in await CreatesAsync())
        {
            WithKeys(body, param, 50);

            var created = (await _client.ApiPostAsync(path, body)).Expect(200);

            var metadata = param == "metadata" ? created["metadata"] : created["prices"][0].GetProperty("metadata");
            Assert.Equal(50, metadata.EnumerateObject().Count());
        }
    }

    [Fact]
    public async Task An_update_that_would_leave_more_than_50_keys_is_a_400_and_changes_nothing()
    {
        foreach (var (path, body, param) in (await CreatesAsync()).Where(c => c.Param == "metadata" && c.Path != "/api/checkout-sessions"))
        {
            WithKeys(body, param, 30);
            var created = (await _client.ApiPostAsync(path, body)).Expect(200);
            var more = new JsonObject();
            for (var i = 30; i < 51; i++)
            {
                more[$"k{i}"] = "v";
            }

            var response = await _client.ApiPutAsync($"{path}/{created.Id}", new JsonObject { ["metadata"] = more });

            Assert.True(response.Status == 400, $"PUT {path}/{created.Id} to 51 metadata keys: {Start(response)}");
            response.ExpectError(400, "parameter_invalid", "metadata");
            var kept = (await _client.ApiGetAsync($"{path}/{created.Id}")).Expect(200)["metadata"];
            Assert.Equal(30, kept.EnumerateObject().Count());
        }
    }

    private async Task<List<(string Path, JsonObject Body, string Param)>> CreatesAsync()
    {
        var price = await Catalog.PriceAsync(_client);
        var product = (await _client.ApiGetAsync($"/api/prices/{price}")).Expect(200)["product_id"].GetString()!;
        var coupon = (await _client.ApiPostAsync("/api/coupons", new JsonObject { ["percent_off"] = 10 })).Expect(200).Id;
        var lineItems = new JsonArray(new JsonObject { ["price_id"] = price, ["quantity"] = 1 });
        return
        [
            ("/api/products", new JsonObject { ["name"] = "Box" }, "metadata"),
            ("/api/products", new JsonObject { ["name"] = "Box", ["prices"] = new JsonArray(new JsonObject { ["currency_id"] = "usd", ["unit_amount"] = "1.00" }) }, "prices[0].metadata"),
            ("/api/prices", new JsonObject { ["product_id"] = product, ["currency_id"] = "usd", ["unit_amount"] = "1.00" }, "metadata"),
            ("/api/payment-links", Catalog.LinkBody(price), "metadata"),
            ("/api/coupons", new JsonObject { ["percent_off"] = 10 }, "metadata"),
            ("/api/promotion-codes", new JsonObject { ["coupon_id"] = coupon }, "metadata"),
            ("/api/checkout-sessions", new JsonObject { ["line_items"] = lineItems }, "metadata"),
            ("/api/webhook-endpoints", new JsonObject { ["url"] = "https://shop.invalid/hook", ["enabled_events"] = new JsonArray("*") }, "metadata"),
        ];
    }

    private static string Start(ApiResponse response) => response.ToString()[..Math.Min(300, response.ToString().Length)];

    private static void WithKeys(JsonObject body, string param, int count)
    {
        var metadata = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            metadata[$"k{i}"] = "v";
        }

        var owner = param == "metadata" ? body : body["prices"]![0]!.AsObject();
        owner["metadata"] = metadata;
    }

    public sealed class OnSqlite(SqliteApp app) : MetadataKeyLimitTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : MetadataKeyLimitTests(app), IClassFixture<PostgresApp>;
}
