using System.Text.Json.Nodes;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// A refused or failed request leaves nothing behind for the next: requests run one after another, so
/// each takes the pooled database connection the one before it used.
/// </summary>
public abstract class FailedRequestAftermathTests(PaylinkApp app)
{
    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task After_a_hundred_requests_carrying_NUL_a_hundred_good_ones_all_succeed()
    {
        var price = await Catalog.PriceAsync(_client);
        var product = (await _client.ApiGetAsync($"/api/prices/{price}")).Expect(200)["product_id"].GetString()!;
        var refused = new Func<Task<ApiResponse>>[]
        {
            () => _client.ApiPostAsync("/api/products", """{"name":"a\u0000b"}"""),
            () => _client.ApiPostAsync("/api/prices", $$"""{"product_id":"{{product}}\u0000","currency_id":"usd","unit_amount":"1.00"}"""),
            () => _client.ApiPostAsync("/api/payment-links", $$"""{"name":"Link","currency_id":"usd","line_items":[{"price_id":"{{price}}\u0000","quantity":1}]}"""),
            () => _client.ApiPutAsync($"/api/products/{product}", """{"metadata":{"k":"\u0000"}}"""),
            () => _client.ApiGetAsync($"/api/prices?product_id={product}%00"),
        };

        for (var i = 0; i < 100; i++)
        {
            var response = await refused[i % refused.Length]();

            Assert.True(response.Status == 400, $"Request {i} with a NUL: {response}");
        }

        for (var i = 0; i < 100; i++)
        {
            (await _client.ApiPostAsync("/api/products", new JsonObject { ["name"] = $"Box {i}", ["metadata"] = new JsonObject { ["i"] = i } })).Expect(200);
        }

        (await _client.ApiGetAsync($"/api/prices/{price}")).Expect(200);
    }

    [Fact]
    public async Task A_command_the_database_refuses_leaves_its_connection_fit_for_the_next_request()
    {
        var price = await Catalog.PriceAsync(_client);
        var product = (await _client.ApiGetAsync($"/api/prices/{price}")).Expect(200)["product_id"].GetString()!;
        JsonObject Body(string lookupKey) => new()
        {
            ["product_id"] = product,
            ["currency_id"] = "usd",
            ["unit_amount"] = "1.00",
            ["lookup_key"] = lookupKey,
        };
        (await _client.ApiPostAsync("/api/prices", Body("taken"))).Expect(200);

        for (var i = 0; i < 100; i++)
        {
            // The unique index refuses the insert inside the create's transaction, which is rolled back.
            (await _client.ApiPostAsync("/api/prices", Body("taken"))).ExpectError(400, "lookup_key_taken", "lookup_key");

            var created = (await _client.ApiPostAsync("/api/prices", Body($"free_{i}"))).Expect(200);
            Assert.Equal($"free_{i}", (await _client.ApiGetAsync($"/api/prices/{created.Id}")).Expect(200)["lookup_key"].GetString());
        }
    }

    public sealed class OnSqlite(SqliteApp app) : FailedRequestAftermathTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : FailedRequestAftermathTests(app), IClassFixture<PostgresApp>;
}
