using System.Net;
using System.Text.Json.Nodes;

namespace Paylink.Browser.Tests;

/// <summary>
/// A customer whose card was declined tries again after the merchant archived the link: the page says the
/// link is no longer available (with the merchant's message), not that it is sold out, and charges nothing.
/// </summary>
public abstract class ArchivedLinkRetryTests(CheckoutServer server)
{
    [Theory]
    [InlineData("", "This link is no longer available", "Sold out")]
    [InlineData("?locale=zh", "此链接已停用", "已售罄")]
    public async Task Paying_again_after_the_link_was_archived_says_it_is_no_longer_available(string query, string title, string soldOut)
    {
        var (linkId, _) = await server.CreateLinkAsync(link: new JsonObject { ["inactive_message"] = "The spring sale has ended." });
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}{query}");
        var declined = await customer.SubmitAsync(page, FormClient.Customer(card: "4000000000000002"));
        Assert.Equal(HttpStatusCode.PaymentRequired, declined.Status);
        using (var archived = await server.Api.PutAsync($"/api/payment-links/{linkId}/archive", null))
        {
            Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        }

        var retried = await customer.SubmitAsync(declined, FormClient.Customer(card: "4242424242424242"));

        Assert.Equal(HttpStatusCode.Conflict, retried.Status);
        Assert.Contains($"<h1>{title}</h1>", retried.Html, StringComparison.Ordinal);
        Assert.Contains("The spring sale has ended.", retried.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(soldOut, retried.Html, StringComparison.Ordinal);
        var session = (await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}"))["list"]![0]!;
        Assert.Equal("open", session["status"]!.GetValue<string>());
        Assert.Equal("unpaid", session["payment_status"]!.GetValue<string>());
    }
}

[Collection(CheckoutServerCollection.Name)]
public sealed class SqliteArchivedLinkRetryTests(CheckoutServer server) : ArchivedLinkRetryTests(server);

[Collection(PostgresCheckoutServerCollection.Name)]
public sealed class PostgresArchivedLinkRetryTests(PostgresCheckoutServer server) : ArchivedLinkRetryTests(server);
