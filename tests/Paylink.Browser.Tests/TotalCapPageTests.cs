using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Data;

namespace Paylink.Browser.Tests;

/// <summary>
/// A page whose chosen order comes to more than the cap on any total (10^12 minor units) says so and
/// charges, reserves and records nothing. The API no longer makes such a link, so the test writes one
/// to the database directly, as a link stored before the cap was checked.
/// </summary>
public abstract class TotalCapPageTests(CheckoutServer server)
{
    [Fact]
    public async Task An_order_above_the_cap_is_refused_on_the_page_and_no_session_is_made()
    {
        var (linkId, _) = await server.CreateLinkAsync(amount: "99999999.99",
            lineItem: new JsonObject { ["quantity"] = 1, ["adjustable_quantity"] = new JsonObject { ["enabled"] = true, ["maximum"] = 100 } });
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
            var link = await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == linkId);
            var raised = link.LineItemsJson.Replace("\"maximum\":100", "\"maximum\":999", StringComparison.Ordinal);
            Assert.NotEqual(link.LineItemsJson, raised);
            await db.PaymentLinks.Where(l => l.Id == linkId).ExecuteUpdateAsync(s => s.SetProperty(l => l.LineItemsJson, raised));
        }

        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}");
        var fields = FormClient.Customer();
        fields["quantity_0"] = "101";

        var refused = await customer.SubmitAsync(page, fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("This order comes to more than $10,000,000,000.00, the most one payment can be.", refused.Html, StringComparison.Ordinal);
        var sessions = await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}");
        Assert.Equal(0, sessions["count"]!.GetValue<long>());

        fields["quantity_0"] = "100";
        var paid = await customer.SubmitAsync(refused, fields);
        Assert.Equal(HttpStatusCode.SeeOther, paid.Status);
    }
}

[Collection(CheckoutServerCollection.Name)]
public sealed class SqliteTotalCapPageTests(CheckoutServer server) : TotalCapPageTests(server);

[Collection(PostgresCheckoutServerCollection.Name)]
public sealed class PostgresTotalCapPageTests(PostgresCheckoutServer server) : TotalCapPageTests(server);
