using System.Collections.Concurrent;

namespace Paylink.Browser.Tests;

/// <summary>The API reference at <c>/docs</c>, as a merchant opens it in a browser.</summary>
[Collection(CheckoutServerCollection.Name)]
public sealed class DocsPageTests(CheckoutServer server)
{
    [Fact]
    public async Task The_api_reference_shows_the_payment_links_and_loads_nothing_from_another_host()
    {
        var page = await server.NewPageAsync();
        var elsewhere = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            var uri = new Uri(request.Url);
            if (uri.Scheme is "http" or "https" && uri.Authority != server.BaseAddress.Authority)
            {
                elsewhere.Enqueue(request.Url);
            }
        };

        await page.GotoAsync(new Uri(server.BaseAddress, "/docs/").ToString());
        await page.GetByText("Payment links", new() { Exact = true }).First.WaitForAsync();
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        Assert.Equal("Paylink API", await page.TitleAsync());
        Assert.Empty(elsewhere);
    }
}
