using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Paylink.Browser.Tests;

/// <summary>
/// The tokens a payment page hands out and what a view of it shows: every view gets its own form token
/// (also when the page itself was rendered before), a form counts only with its own visitor's
/// anti-forgery token, a tampered token charges nothing, and a change made through the API is on the next view.
/// </summary>
public abstract class PageTokenTests(CheckoutServer server)
{
    [Fact]
    public async Task Every_view_gets_its_own_form_token_and_each_form_pays_once()
    {
        var (linkId, _) = await server.CreateLinkAsync();
        using var customer = new FormClient(server.BaseAddress);
        var first = await customer.GetAsync($"/checkout/pay/{linkId}");
        var second = await customer.GetAsync($"/checkout/pay/{linkId}");

        Assert.NotEqual(first.Hidden["token"], second.Hidden["token"]);
        Assert.Equal(first.Hidden["__RequestVerificationToken"], second.Hidden["__RequestVerificationToken"]);
        Assert.Equal(HttpStatusCode.SeeOther, (await customer.SubmitAsync(first, FormClient.Customer())).Status);
        Assert.Equal(HttpStatusCode.SeeOther, (await customer.SubmitAsync(second, FormClient.Customer())).Status);
        Assert.Equal(HttpStatusCode.SeeOther, (await customer.SubmitAsync(second, FormClient.Customer())).Status);

        var sessions = await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}");
        Assert.Equal(2, sessions["count"]!.GetValue<long>());
        Assert.All(sessions["list"]!.AsArray(), s => Assert.Equal("complete", s!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_form_posted_with_another_visitors_anti_forgery_token_is_rejected_and_charges_nothing()
    {
        var (linkId, _) = await server.CreateLinkAsync();
        using var alice = new FormClient(server.BaseAddress);
        using var mallory = new FormClient(server.BaseAddress);
        var alicePage = await alice.GetAsync($"/checkout/pay/{linkId}");
        var malloryPage = await mallory.GetAsync($"/checkout/pay/{linkId}");
        Assert.NotEqual(alicePage.Hidden["__RequestVerificationToken"], malloryPage.Hidden["__RequestVerificationToken"]);

        var forged = malloryPage with { Hidden = new Dictionary<string, string>(malloryPage.Hidden) { ["__RequestVerificationToken"] = "x" + alicePage.Hidden["__RequestVerificationToken"][1..] } };
        var tampered = await mallory.SubmitAsync(forged, FormClient.Customer());
        var crossed = await alice.SubmitAsync(malloryPage, FormClient.Customer());

        Assert.Equal(HttpStatusCode.BadRequest, tampered.Status);
        Assert.Equal(HttpStatusCode.BadRequest, crossed.Status);
        Assert.Contains("security token", crossed.Html, StringComparison.Ordinal);
        var sessions = await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}");
        Assert.Equal(0, sessions["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_form_token_that_was_altered_is_refused_as_stale_and_charges_nothing()
    {
        var (linkId, _) = await server.CreateLinkAsync();
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}");
        var parts = page.Hidden["token"].Split('.');
        parts[1] = "7";
        var altered = page with { Hidden = new Dictionary<string, string>(page.Hidden) { ["token"] = string.Join('.', parts) } };

        var result = await customer.SubmitAsync(altered, FormClient.Customer());

        Assert.Equal(HttpStatusCode.Conflict, result.Status);
        Assert.Contains("This form expired", result.Html, StringComparison.Ordinal);
        Assert.NotEqual(altered.Hidden["token"], result.Hidden["token"]);
        var sessions = await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}");
        Assert.Equal(0, sessions["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_product_renamed_through_the_api_shows_on_the_next_view_in_either_language()
    {
        var (linkId, priceId) = await server.CreateLinkAsync(productName: "Old Box Name");
        using var customer = new FormClient(server.BaseAddress);
        Assert.Contains("Old Box Name", (await customer.GetAsync($"/checkout/pay/{linkId}")).Html, StringComparison.Ordinal);
        Assert.Contains("Old Box Name", (await customer.GetAsync($"/checkout/pay/{linkId}?locale=zh")).Html, StringComparison.Ordinal);

        var productId = (await server.GetAsync($"/api/prices/{priceId}"))["product_id"]!.GetValue<string>();
        (await server.Api.PutAsJsonAsync($"/api/products/{productId}", new JsonObject { ["name"] = "New Box Name" })).EnsureSuccessStatusCode();

        var english = await customer.GetAsync($"/checkout/pay/{linkId}");
        var chinese = await customer.GetAsync($"/checkout/pay/{linkId}?locale=zh");
        Assert.Contains("New Box Name", english.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Old Box Name", english.Html, StringComparison.Ordinal);
        Assert.Contains("New Box Name", chinese.Html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", chinese.Html, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", english.Html, StringComparison.Ordinal);
    }
}

[Collection(CheckoutServerCollection.Name)]
public sealed class SqlitePageTokenTests(CheckoutServer server) : PageTokenTests(server);

[Collection(PostgresCheckoutServerCollection.Name)]
public sealed class PostgresPageTokenTests(PostgresCheckoutServer server) : PageTokenTests(server);
