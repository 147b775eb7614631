using System.Net;
using System.Text.Json.Nodes;

namespace Paylink.Browser.Tests.Promotions;

/// <summary>A promotion code's limit holds when many customers pay with it at once, on each database.</summary>
public abstract class PromotionConcurrencyTests(CheckoutServer server)
{
    private const int Customers = 20;
    private const int Limit = 3;

    [Fact]
    public async Task A_code_limited_to_3_gives_exactly_3_discounts_to_20_customers_paying_at_once_and_charges_no_one_else()
    {
        var (linkId, _) = await server.CreateLinkAsync(link: Promo.LinkWithCodes());
        var (couponId, codeId, code) = await Promo.CreateAsync(server, new JsonObject { ["percent_off"] = 10 }, new JsonObject { ["max_redemptions"] = Limit });
        var customers = Enumerable.Range(0, Customers).Select(_ => new FormClient(server.BaseAddress)).ToList();
        FormClient.Page[] outcomes;
        try
        {
            var pages = new List<FormClient.Page>();
            foreach (var customer in customers)
            {
                pages.Add(await customer.GetAsync($"/checkout/pay/{linkId}?prefilled_promo_code={code}"));
            }

            outcomes = await Task.WhenAll(customers.Select((c, i) =>
            {
                var fields = FormClient.Customer(email: $"crowd{i}@example.com");
                fields["promo_code"] = code;
                return c.SubmitAsync(pages[i], fields);
            }));
        }
        finally
        {
            customers.ForEach(c => c.Dispose());
        }

        Assert.Equal(Limit, outcomes.Count(o => o.Status == HttpStatusCode.SeeOther));
        var refused = outcomes.Where(o => o.Status != HttpStatusCode.SeeOther).ToList();
        Assert.Equal(Customers - Limit, refused.Count);
        Assert.All(refused, o => Assert.Equal(Promo.UsedUp, Promo.Status(o.Html)));

        var complete = await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}&status=complete&pageSize=100");
        Assert.Equal(Limit, complete["count"]!.GetValue<long>());
        Assert.All(complete["list"]!.AsArray(), s =>
        {
            Assert.Equal("18.00", s!["amount_total"]!.GetValue<string>());
            Assert.Equal(codeId, s["discounts"]![0]!["promotion_code_id"]!.GetValue<string>());
        });

        // Only the three discounted customers reached the card processor.
        Assert.Equal(Limit, await Promo.ChargesForLinkAsync(server, linkId));
        Assert.Equal((Limit, 0L, Limit, 0L), await Promo.CountsAsync(server, codeId));
        var coupon = await server.GetAsync($"/api/coupons/{couponId}");
        Assert.Equal(Limit, coupon["times_redeemed"]!.GetValue<long>());
        var promotionCode = await server.GetAsync($"/api/promotion-codes/{codeId}");
        Assert.Equal(Limit, promotionCode["times_redeemed"]!.GetValue<long>());
    }
}

[Collection(CheckoutServerCollection.Name)]
public sealed class SqlitePromotionConcurrencyTests(CheckoutServer server) : PromotionConcurrencyTests(server);

[Collection(PostgresCheckoutServerCollection.Name)]
public sealed class PostgresPromotionConcurrencyTests(PostgresCheckoutServer server) : PromotionConcurrencyTests(server);
