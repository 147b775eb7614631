using System.Net.Http.Headers;
using System.Text;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>What every call shares: body reading, keys and modes, ids that do not exist, request ids.</summary>
public abstract class RequestHandlingTests(PaylinkApp app)
{
    private readonly HttpClient _client = app.Client();

    [Theory]
    [InlineData("""{"name":"Box",""")]
    [InlineData("""{"name":'Box'}""")]
    [InlineData("not json")]
    [InlineData("""["name"]""")]
    [InlineData("null")]
    public async Task A_body_that_is_not_a_JSON_object_is_a_400(string body)
    {
        var response = await _client.ApiPostAsync("/api/payment-links", body);

        response.ExpectError(400, "body_malformed");
    }

    [Fact]
    public async Task An_empty_body_is_a_400()
    {
        (await _client.ApiSendAsync(HttpMethod.Post, "/api/payment-links", [], "application/json")).ExpectError(400, "body_missing");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_body_of_another_content_type_is_a_415(string? contentType)
    {
        var response = await _client.ApiSendAsync(HttpMethod.Post, "/api/products", Encoding.UTF8.GetBytes("""{"name":"Box"}"""), contentType);

        response.ExpectError(415, "unsupported_media_type");
    }

    [Fact]
    public async Task A_body_over_256_KiB_is_a_413()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"name":"Box","description":"{{new string('a', 256 * 1024)}}"}""");

        var response = await _client.ApiSendAsync(HttpMethod.Post, "/api/products", body, "application/json");

        response.ExpectError(413, "request_too_large");
        var justUnder = Encoding.UTF8.GetBytes($$"""{"name":"Box","metadata":{"k":"v"},"description":"{{new string('a', 4000)}}"}""" + new string(' ', 250 * 1024));
        (await _client.ApiSendAsync(HttpMethod.Post, "/api/products", justUnder, "application/json")).Expect(200);
    }

    [Fact]
    public async Task Unknown_ids_are_404_resource_missing()
    {
        (await _client.ApiGetAsync("/api/payment-links/pl_doesnotexist0000000000")).ExpectError(404, "resource_missing");
        (await _client.ApiPutAsync("/api/payment-links/pl_doesnotexist0000000000", """{"name":"x"}""")).ExpectError(404, "resource_missing");
        (await _client.ApiPutAsync("/api/payment-links/pl_doesnotexist0000000000/archive", (string?)null)).ExpectError(404, "resource_missing");
        (await _client.ApiGetAsync("/api/products/prod_doesnotexist0000000000")).ExpectError(404, "resource_missing");
        (await _client.ApiGetAsync("/api/prices/price_doesnotexist0000000000")).ExpectError(404, "resource_missing");
        (await _client.ApiGetAsync("/api/payment-currencies/xyz")).ExpectError(404, "resource_missing");
    }

    [Fact]
    public async Task No_key_or_a_wrong_key_is_a_401()
    {
        (await app.Client(null).ApiGetAsync("/api/payment-links")).ExpectError(401, "unauthorized", type: "authentication_error");
        (await app.Client("sk_test_wrong").ApiGetAsync("/api/payment-links")).ExpectError(401, "unauthorized", type: "authentication_error");
        (await app.Client("not_a_key").ApiGetAsync("/api/payment-links")).ExpectError(401, "unauthorized", type: "authentication_error");
        var basic = app.Client(null);
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(PaylinkApp.TestKey + ":")));
        (await basic.ApiGetAsync("/api/payment-links")).ExpectError(401, "unauthorized", type: "authentication_error");
        (await app.Client(null).ApiPostAsync("/api/payment-links", "{}")).ExpectError(401, "unauthorized", type: "authentication_error");
    }

    [Fact]
    public async Task A_test_mode_object_is_404_to_the_live_key()
    {
        var price = await Catalog.PriceAsync(_client);
        var link = await Catalog.LinkAsync(_client, price);
        var live = app.LiveClient();

        (await live.ApiGetAsync($"/api/payment-links/{link.Id}")).ExpectError(404, "resource_missing");
        (await live.ApiPutAsync($"/api/payment-links/{link.Id}", """{"name":"x"}""")).ExpectError(404, "resource_missing");
        (await live.ApiPutAsync($"/api/payment-links/{link.Id}/archive", (string?)null)).ExpectError(404, "resource_missing");
        (await live.ApiGetAsync($"/api/prices/{price}")).ExpectError(404, "resource_missing");
        var liveList = (await live.ApiGetAsync("/api/payment-links?pageSize=100")).Expect(200);
        Assert.DoesNotContain(liveList["list"].EnumerateArray(), l => l.GetProperty("id").GetString() == link.Id);

        var liveLink = await Catalog.LinkAsync(live, await Catalog.PriceAsync(live));
        Assert.True(liveLink["livemode"].GetBoolean());
        (await _client.ApiGetAsync($"/api/payment-links/{liveLink.Id}")).ExpectError(404, "resource_missing");
        Assert.True((await _client.ApiGetAsync($"/api/payment-links/{link.Id}")).Expect(200)["active"].GetBoolean());
    }

    [Fact]
    public async Task A_livemode_parameter_that_contradicts_the_key_is_a_400()
    {
        (await _client.ApiGetAsync("/api/payment-links?livemode=true")).ExpectError(400, "livemode_mismatch", "livemode");
        (await app.LiveClient().ApiGetAsync("/api/payment-links?livemode=false")).ExpectError(400, "livemode_mismatch", "livemode");
        (await _client.ApiGetAsync("/api/payment-links?livemode=maybe")).ExpectError(400, "parameter_invalid", "livemode");

        (await _client.ApiGetAsync("/api/payment-links?livemode=false")).Expect(200);
        (await app.LiveClient().ApiGetAsync("/api/payment-currencies?livemode=true")).Expect(200);
        var price = await Catalog.PriceAsync(_client);
        (await _client.ApiPostAsync("/api/payment-links?livemode=false", Catalog.LinkBody(price))).Expect(200);
    }

    [Fact]
    public async Task Every_response_carries_a_request_id_and_errors_repeat_it()
    {
        var responses = new[]
        {
            await _client.ApiGetAsync("/api/payment-links"),
            await _client.ApiGetAsync("/api/payment-links/pl_nope"),
            await _client.ApiPostAsync("/api/payment-links", "{"),
            await app.Client(null).ApiGetAsync("/api/payment-links"),
            await _client.ApiGetAsync("/api/nothing-here"),
            await app.Client(null).ApiGetAsync("/healthz"),
            await app.Client(null).ApiGetAsync("/openapi/v1.json"),
        };

        var ids = responses.Select(r => r.Header("Request-Id")).ToList();
        Assert.All(ids, id => Assert.Matches("^req_[0-9A-Za-z]{24}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var error in responses.Where(r => r.Status >= 400))
        {
            Assert.Equal(error.Header("Request-Id"), error.Error.GetProperty("request_id").GetString());
        }

        responses[4].ExpectError(404, "route_unknown");
    }

    public sealed class OnSqlite(SqliteApp app) : RequestHandlingTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : RequestHandlingTests(app), IClassFixture<PostgresApp>;
}
