using System.Text.Json;
using System.Text.RegularExpressions;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>What needs no key: health, the OpenAPI document, the reference page; and the currency catalogue.</summary>
public abstract partial class OperationsTests(PaylinkApp app)
{
    private static readonly string[] Endpoints =
    [
        "/api/payment-currencies", "/api/payment-currencies/{id}",
        "/api/products", "/api/products/{id}", "/api/products/{id}/archive",
        "/api/prices", "/api/prices/{id}", "/api/prices/{id}/archive",
        "/api/payment-links", "/api/payment-links/{id}", "/api/payment-links/{id}/archive",
        "/api/checkout-sessions", "/api/checkout-sessions/{id}", "/api/checkout-sessions/{id}/expire",
        "/api/payment-intents", "/api/payment-intents/{id}",
        "/api/customers", "/api/customers/{id}",
        "/api/coupons", "/api/coupons/{id}",
        "/api/promotion-codes", "/api/promotion-codes/{id}",
        "/api/events", "/api/events/{id}", "/api/events/{id}/retry",
        "/api/webhook-endpoints", "/api/webhook-endpoints/{id}", "/api/webhook-endpoints/{id}/attempts",
    ];

    [GeneratedRegex(@"initialize\(\s*'(?<path>[^']*)',\s*\w+,\s*(?<config>\{.*\}),", RegexOptions.Singleline)]
    private static partial Regex ScalarInitialize();

    [Fact]
    public async Task Healthz_answers_without_a_key()
    {
        var response = await app.Client(null).ApiGetAsync("/healthz");

        response.Expect(200);
        Assert.Equal("Healthy", response.Text);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint_with_its_shapes()
    {
        var document = (await app.Client(null).ApiGetAsync("/openapi/v1.json")).Expect(200).Json;

        var paths = document.GetProperty("paths");
        Assert.Equal(Endpoints.Order(StringComparer.Ordinal), paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var create = paths.GetProperty("/api/payment-links").GetProperty("post");
        Assert.Equal("CreatePaymentLink", create.GetProperty("operationId").GetString());
        Assert.True(create.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var link = schemas.GetProperty("PaymentLink").GetProperty("properties");
        foreach (var field in new[] { "id", "line_items", "after_completion", "customer_creation", "created_at", "metadata" })
        {
            Assert.True(link.TryGetProperty(field, out _), $"PaymentLink schema lacks {field}");
        }

        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
    }

    [Fact]
    public async Task The_docs_page_loads_the_OpenAPI_document()
    {
        var client = app.Client(null);
        var redirect = await client.ApiGetAsync("/docs");
        var pageUrl = new Uri(new Uri("http://localhost/docs"), redirect.Status == 302 ? redirect.Message.Headers.Location! : new Uri("/docs", UriKind.Relative));

        var page = (await client.ApiGetAsync(pageUrl.PathAndQuery)).Expect(200);

        Assert.Contains("<title>Paylink API</title>", page.Text, StringComparison.Ordinal);
        var init = ScalarInitialize().Match(page.Text);
        Assert.True(init.Success, page.Text);
        // As the page's script does: the base is the page path less the path it was mapped at.
        var mapped = Uri.UnescapeDataString(init.Groups["path"].Value);
        var basePath = pageUrl.AbsolutePath.EndsWith(mapped, StringComparison.Ordinal) ? pageUrl.AbsolutePath[..^mapped.Length] : "";
        using var config = JsonDocument.Parse(init.Groups["config"].Value);
        var source = config.RootElement.GetProperty("sources")[0].GetProperty("url").GetString()!;
        var documentUrl = new Uri(new Uri($"http://localhost{basePath}/"), source);

        var document = (await client.ApiGetAsync(documentUrl.PathAndQuery)).Expect(200);
        Assert.Equal("Paylink API", document.Json.GetProperty("info").GetProperty("title").GetString());
        foreach (var script in new[] { "scalar.js", "scalar.aspnetcore.js" })
        {
            (await client.ApiGetAsync(new Uri(pageUrl, script).PathAndQuery)).Expect(200);
        }
    }

    [Fact]
    public async Task Currencies_are_listed_and_retrieved_in_any_case()
    {
        var client = app.Client();

        var list = (await client.ApiGetAsync("/api/payment-currencies?pageSize=100")).Expect(200);
        var byId = list["list"].EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal(byId.Count, list["count"].GetInt32());
        foreach (var id in new[] { "usd", "eur", "gbp", "cny", "jpy", "hkd", "sgd", "cad", "aud", "chf" })
        {
            var currency = byId[id];
            Assert.Equal(id == "jpy" ? 0 : 2, currency.GetProperty("decimal").GetInt32());
            Assert.True(currency.GetProperty("active").GetBoolean());
            Assert.False(string.IsNullOrEmpty(currency.GetProperty("symbol").GetString()));
            Assert.False(string.IsNullOrEmpty(currency.GetProperty("name").GetString()));
        }

        var usd = (await client.ApiGetAsync("/api/payment-currencies/USD")).Expect(200);
        Assert.Equal("usd", usd.Id);
        Assert.Equal("payment_currency", usd["object"].GetString());
        var page = (await client.ApiGetAsync("/api/payment-currencies?pageSize=3&order=name:ASC&starting_after=eur")).Expect(200);
        Assert.Equal(3, page["list"].GetArrayLength());
        (await app.Client(null).ApiGetAsync("/api/payment-currencies")).ExpectError(401, "unauthorized", type: "authentication_error");
    }

    public sealed class OnSqlite(SqliteApp app) : OperationsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : OperationsTests(app), IClassFixture<PostgresApp>;
}
