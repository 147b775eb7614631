using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Data;

namespace Paylink.Browser.Tests;

/// <summary>The purchase flow over HTTP, on each database: exact money, limits that hold under concurrency, one charge per session.</summary>
public abstract class CheckoutFlowTests(CheckoutServer server)
{
    private const int Customers = 40;

    [Theory]
    [InlineData("usd", "999999.99", 999, "998999990.01", "$998,999,990.01")]
    [InlineData("usd", "0.01", 999, "9.99", "$9.99")]
    [InlineData("usd", "19.99", 3, "59.97", "$59.97")]
    [InlineData("jpy", "999999", 999, "998999001", "¥998,999,001")]
    [InlineData("jpy", "1", 999, "999", "¥999")]
    public async Task Totals_are_exact_in_the_currencys_minor_unit(string currency, string unitAmount, int quantity, string expected, string shown)
    {
        var (linkId, _) = await server.CreateLinkAsync(currency: currency, amount: unitAmount, lineItem: new JsonObject
        {
            ["quantity"] = 1,
            ["adjustable_quantity"] = new JsonObject { ["enabled"] = true, ["maximum"] = 999 },
        });
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}");
        var fields = FormClient.Customer();
        fields["quantity_0"] = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["action"] = "update";
        var updated = await customer.SubmitAsync(page, fields);
        Assert.Contains($"data-total aria-live=\"polite\">{shown}<", updated.Html, StringComparison.Ordinal);

        fields["action"] = "pay";
        var paid = await customer.SubmitAsync(updated, fields);
        Assert.Equal(HttpStatusCode.SeeOther, paid.Status);
        var session = (await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}"))["list"]![0]!;
        Assert.Equal(expected, session["amount_total"]!.GetValue<string>());
        Assert.Equal(expected, session["line_items"]![0]!["amount_subtotal"]!.GetValue<string>());
        var intent = await server.GetAsync($"/api/payment-intents/{session["payment_intent_id"]}");
        Assert.Equal(expected, intent["amount"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_link_limited_to_5_sessions_sells_exactly_5_to_40_customers_paying_at_once()
    {
        var (linkId, _) = await server.CreateLinkAsync(link: new JsonObject
        {
            ["restrictions"] = new JsonObject { ["completed_sessions"] = new JsonObject { ["limit"] = 5 } },
        });
        var outcomes = await PayAllAtOnceAsync(linkId);

        Assert.Equal(5, outcomes.Count(o => o.Status == HttpStatusCode.SeeOther));
        var soldOut = outcomes.Where(o => o.Status != HttpStatusCode.SeeOther).ToList();
        Assert.Equal(Customers - 5, soldOut.Count);
        Assert.All(soldOut, o => Assert.Contains("Sold out", o.Html, StringComparison.Ordinal));

        var link = await server.GetAsync($"/api/payment-links/{linkId}");
        Assert.False(link["active"]!.GetValue<bool>());
        Assert.Equal(5, link["restrictions"]!["completed_sessions"]!["count"]!.GetValue<int>());
        Assert.Equal(5, await ChargesForLinkAsync(linkId));
        var complete = await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}&status=complete");
        Assert.Equal(5, complete["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_price_with_5_units_sells_exactly_5_to_40_customers_paying_at_once()
    {
        var (linkId, priceId) = await server.CreateLinkAsync(price: new JsonObject { ["unit_amount"] = "5.00", ["quantity_available"] = 5 });
        var outcomes = await PayAllAtOnceAsync(linkId);

        Assert.Equal(5, outcomes.Count(o => o.Status == HttpStatusCode.SeeOther));
        Assert.All(outcomes.Where(o => o.Status != HttpStatusCode.SeeOther), o => Assert.Contains("Sold out", o.Html, StringComparison.Ordinal));
        var price = await server.GetAsync($"/api/prices/{priceId}");
        Assert.Equal(5, price["quantity_sold"]!.GetValue<long>());
        Assert.Equal(5, await ChargesForLinkAsync(linkId));

        using var late = new FormClient(server.BaseAddress);
        Assert.Contains("Sold out", (await late.GetAsync($"/checkout/pay/{linkId}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_submitted_twice_at_once_or_after_it_completed_is_charged_once_and_completed_once()
    {
        var (linkId, _) = await server.CreateLinkAsync();
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}");
        var both = await Task.WhenAll(customer.SubmitAsync(page, FormClient.Customer()), customer.SubmitAsync(page, FormClient.Customer()));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.SeeOther, r.Status));

        var again = await customer.SubmitAsync(page, FormClient.Customer());
        Assert.Equal(HttpStatusCode.SeeOther, again.Status);
        var sessionId = Assert.Single((await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}"))["list"]!.AsArray())!["id"]!.GetValue<string>();
        using var other = new FormClient(server.BaseAddress);
        var sessionPage = await other.GetAsync($"/checkout/session/{sessionId}");
        Assert.Contains("Thank you!", sessionPage.Html, StringComparison.Ordinal);

        Assert.Equal(1, await ChargesForLinkAsync(linkId));
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        Assert.Equal(1, await db.Events.CountAsync(e => e.Type == "checkout.session.completed" && e.DataJson.Contains(sessionId)));
        Assert.Equal(1, await db.Events.CountAsync(e => e.Type == "payment_intent.succeeded" && e.DataJson.Contains(sessionId)));
        var link = await server.GetAsync($"/api/payment-links/{linkId}");
        Assert.True(link["active"]!.GetValue<bool>());
    }

    private async Task<FormClient.Page[]> PayAllAtOnceAsync(string linkId)
    {
        var customers = Enumerable.Range(0, Customers).Select(_ => new FormClient(server.BaseAddress)).ToList();
        try
        {
            var pages = new List<FormClient.Page>();
            foreach (var customer in customers)
            {
                pages.Add(await customer.GetAsync($"/checkout/pay/{linkId}"));
            }

            return await Task.WhenAll(customers.Select((c, i) => c.SubmitAsync(pages[i], FormClient.Customer(email: $"buyer{i}@example.com"))));
        }
        finally
        {
            customers.ForEach(c => c.Dispose());
        }
    }

    /// <summary>Charges the card processor decided for this link's sessions: declined or not, each is a charge attempt.</summary>
    private async Task<int> ChargesForLinkAsync(string linkId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var intents = await db.PaymentIntents.Where(p => db.CheckoutSessions.Any(s => s.Id == p.CheckoutSessionId && s.PaymentLinkId == linkId))
            .Select(p => p.Id).ToListAsync();
        var keys = await db.TestCharges.Select(c => c.IdempotencyKey).ToListAsync();
        return keys.Count(k => intents.Any(i => k.StartsWith(i + ":", StringComparison.Ordinal)));
    }
}

[Collection(CheckoutServerCollection.Name)]
public sealed class SqliteCheckoutFlowTests(CheckoutServer server) : CheckoutFlowTests(server);

[Collection(PostgresCheckoutServerCollection.Name)]
public sealed class PostgresCheckoutFlowTests(PostgresCheckoutServer server) : CheckoutFlowTests(server);
