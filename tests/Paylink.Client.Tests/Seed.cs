namespace Paylink.Client.Tests;

/// <summary>Objects most tests need: a product with a USD price, and links that sell it.</summary>
internal static class Seed
{
    public static async Task<Price> PriceAsync(PaymentClient client, string unitAmount = "20.00")
    {
        var product = await client.Products.CreateAsync(new ProductCreateOptions
        {
            Name = "Subscription Box",
            Prices = [new PriceCreateOptions { CurrencyId = "usd", UnitAmount = unitAmount }],
        });
        return await client.Prices.RetrieveAsync(product.DefaultPriceId!);
    }

    public static PaymentLinkCreateOptions Link(string priceId, string name) => new()
    {
        Name = name,
        CurrencyId = "usd",
        LineItems = [new() { PriceId = priceId, Quantity = 1 }],
    };

    /// <summary>A name no other test uses, to count and list just this test's links with <c>q</c>.</summary>
    public static string Tag(string what) => $"{what} {Guid.NewGuid():N}";
}
