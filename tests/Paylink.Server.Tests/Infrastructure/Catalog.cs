using System.Text.Json.Nodes;

namespace Paylink.Server.Tests.Infrastructure;

/// <summary>Products, prices and payment links made through the API for tests to build on.</summary>
public static class Catalog
{
    /// <summary>A new product with one price; returns the price's id.</summary>
    public static async Task<string> PriceAsync(HttpClient client, string currency = "usd", string amount = "20.00")
    {
        var product = await client.ApiPostAsync("/api/products", new JsonObject
        {
            ["name"] = "Box " + Guid.NewGuid().ToString("N")[..8],
            ["prices"] = new JsonArray(new JsonObject { ["currency_id"] = currency, ["unit_amount"] = amount }),
        });
        return product.Expect(200)["default_price_id"].GetString()!;
    }

    /// <summary>The create body of the seed's example, with a real price id.</summary>
    public static string SeedBody(string priceId) =>
        $$$"""{"name":"Monthly Subscription Box","currency_id":"usd","line_items":[{"price_id":"{{{priceId}}}","quantity":1}],"after_completion":{"type":"redirect","redirect":{"url":"https://example.com/thanks"}},"metadata":{"order_id":"6735"}}""";

    /// <summary>A minimal valid payment link body.</summary>
    public static JsonObject LinkBody(string priceId, string name = "Link") => new()
    {
        ["name"] = name,
        ["currency_id"] = "usd",
        ["line_items"] = new JsonArray(new JsonObject { ["price_id"] = priceId, ["quantity"] = 1 }),
    };

    public static async Task<ApiResponse> LinkAsync(HttpClient client, string priceId, string name = "Link") =>
        (await client.ApiPostAsync("/api/payment-links", LinkBody(priceId, name))).Expect(200);
}
