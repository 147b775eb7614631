// The seed's payment link examples in C#: create a product with a price, then create, retrieve,
// update, archive and list a payment link.
//   dotnet run --project samples/Paylink.Samples -- http://127.0.0.1:5080 sk_test_…
// or set PAYLINK_BASE_URL and PAYLINK_API_KEY.
using Paylink.Client;

var baseUrl = args.ElementAtOrDefault(0) ?? Environment.GetEnvironmentVariable("PAYLINK_BASE_URL") ?? "http://127.0.0.1:5080";
var apiKey = args.ElementAtOrDefault(1) ?? Environment.GetEnvironmentVariable("PAYLINK_API_KEY");
if (string.IsNullOrEmpty(apiKey))
{
    Console.Error.WriteLine("Give the secret key the server printed: dotnet run -- <base url> <sk_test_…>, or set PAYLINK_API_KEY.");
    return 2;
}

using var payment = new PaymentClient(new PaymentClientOptions { BaseUrl = new Uri(baseUrl), ApiKey = apiKey });
try
{
    var product = await payment.Products.CreateAsync(new ProductCreateOptions
    {
        Name = "Monthly Subscription Box",
        Prices = [new PriceCreateOptions { CurrencyId = "usd", UnitAmount = "20.00" }],
    });
    Console.WriteLine($"product  {product.Id} with price {product.DefaultPriceId}");

    PaymentLink link = await payment.PaymentLinks.CreateAsync(new PaymentLinkCreateOptions
    {
        Name = "Monthly Subscription Box",
        CurrencyId = "usd",
        LineItems = [new() { PriceId = product.DefaultPriceId!, Quantity = 1 }],
        AfterCompletion = new() { Type = "redirect", Redirect = new() { Url = "https://example.com/thanks" } },
        Metadata = new() { ["order_id"] = "6735" },
    });
    Console.WriteLine($"created  {link.Id} active={link.Active} url={link.Url}");

    link = await payment.PaymentLinks.RetrieveAsync(link.Id);
    var line = link.LineItems[0];
    Console.WriteLine($"retrieve {link.Id}: {line.Quantity} x {line.Price?.Product?.Name} at {line.Price?.Currency?.Symbol}{line.Price?.UnitAmount}");

    link = await payment.PaymentLinks.UpdateAsync(link.Id, new PaymentLinkUpdateOptions { Active = false, Metadata = new() { ["order_id"] = "6735-updated" } });
    Console.WriteLine($"update   {link.Id} active={link.Active} metadata={link.Metadata.ToJsonString()}");

    link = await payment.PaymentLinks.ArchiveAsync(link.Id);
    Console.WriteLine($"archive  {link.Id} active={link.Active}");

    PagedList<PaymentLink> page = await payment.PaymentLinks.ListAsync(new PaymentLinkListOptions { PageSize = 5 });
    Console.WriteLine($"list     {page.List.Count} of {page.Count} links, has_more={page.HasMore}");

    var active = 0;
    await foreach (var l in payment.PaymentLinks.ListAutoPagingAsync(new() { Active = true }))
    {
        active++;
    }

    Console.WriteLine($"walk     {active} active links in all");
    return 0;
}
catch (PaylinkException e)
{
    Console.Error.WriteLine($"Paylink refused: {e.StatusCode} {e.Type} {e.Code} {e.Param}: {e.Message} (request {e.RequestId})");
    return 1;
}
