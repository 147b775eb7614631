using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>Who may frame the hosted pages: nobody by default, the sites in <c>Paylink__FrameAncestors</c> when it is set.</summary>
public sealed class PageFramingTests
{
    [Fact]
    public async Task By_default_no_site_may_frame_a_page()
    {
        await using var app = await PaylinkApp.StartAsync(DatabaseKind.Sqlite);
        using var page = await app.Client(null).GetAsync("/checkout/pay/plink_missing");

        Assert.Contains("frame-ancestors 'none'", string.Join(";", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task The_configured_sites_may_frame_a_page_and_nothing_contradicts_them()
    {
        await using var app = await PaylinkApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Paylink:FrameAncestors"] = "https://shop.example",
        });
        using var page = await app.Client(null).GetAsync("/checkout/pay/plink_missing");

        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors https://shop.example", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("X-Frame-Options"));
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
    }
}
