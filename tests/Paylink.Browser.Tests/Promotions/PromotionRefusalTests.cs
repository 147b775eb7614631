using System.Net;
using System.Text.Json.Nodes;

namespace Paylink.Browser.Tests.Promotions;

/// <summary>Each reason a code does not apply has its own message beside the box, and the order keeps its full price.</summary>
[Collection(CheckoutServerCollection.Name)]
public sealed class PromotionRefusalTests(CheckoutServer server)
{
    private static readonly JsonObject TenPercent = new() { ["percent_off"] = 10 };

    [Theory]
    [InlineData("unknown", "This code does not exist. Check the spelling and try again.")]
    [InlineData("inactive", "This code is no longer active.")]
    [InlineData("expired", "This code has expired.")]
    [InlineData("used_up", Promo.UsedUp)]
    [InlineData("minimum", "This code needs an order of at least $50.00 before discount.")]
    [InlineData("products", "This code does not apply to the items in your order.")]
    [InlineData("first_time", "This code is only for a first purchase, and this email address has bought before.")]
    [InlineData("currency", "This code cannot be used for payments in USD.")]
    public async Task A_code_that_does_not_apply_says_why_and_leaves_the_price_alone(string reason, string message)
    {
        var (linkId, code, email) = await ArrangeAsync(reason);
        var chargesBefore = await Promo.ChargesForLinkAsync(server, linkId);
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}");
        var fields = FormClient.Customer(email: email);
        fields["promo_code"] = code;
        fields["action"] = "apply";

        var applied = await customer.SubmitAsync(page, fields);
        Assert.Equal(message, Promo.Status(applied.Html));
        Assert.DoesNotContain("data-discount", applied.Html, StringComparison.Ordinal);
        Assert.Contains("data-total aria-live=\"polite\">$20.00<", applied.Html, StringComparison.Ordinal);

        // Paying with the code still typed is refused the same way, before any charge.
        fields["action"] = "pay";
        var paid = await customer.SubmitAsync(applied, fields);
        Assert.Equal(HttpStatusCode.BadRequest, paid.Status);
        Assert.Equal(message, Promo.Status(paid.Html));
        Assert.Equal(chargesBefore, await Promo.ChargesForLinkAsync(server, linkId));
    }

    [Fact]
    public async Task The_refusal_is_worded_in_the_pages_language()
    {
        var (linkId, code, email) = await ArrangeAsync("expired");
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}?locale=zh");
        var fields = FormClient.Customer(email: email);
        fields["promo_code"] = code;
        fields["action"] = "apply";
        Assert.Equal("此优惠码已过期。", Promo.Status((await customer.SubmitAsync(page, fields)).Html));
    }

    [Fact]
    public async Task A_code_is_matched_in_any_letter_case_and_with_spaces_around_it()
    {
        var (linkId, _) = await server.CreateLinkAsync(link: Promo.LinkWithCodes());
        var (_, _, code) = await Promo.CreateAsync(server, TenPercent, new JsonObject { ["code"] = "Spring" + Promo.NewCode("") });
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}?prefilled_promo_code={Uri.EscapeDataString("  " + code.ToLowerInvariant() + " ")}");
        Assert.Equal($"Code {code} applied.", Promo.Status(page.Html));
        Assert.Contains("data-total aria-live=\"polite\">$18.00<", page.Html, StringComparison.Ordinal);
    }

    /// <summary>A $20.00 usd link that takes codes, a code that fails for <paramref name="reason"/>, and the buyer's email.</summary>
    private async Task<(string LinkId, string Code, string Email)> ArrangeAsync(string reason)
    {
        var (linkId, _) = await server.CreateLinkAsync(link: Promo.LinkWithCodes());
        var email = $"buyer-{Guid.NewGuid():N}@example.com";
        switch (reason)
        {
            case "unknown":
                return (linkId, Promo.NewCode("NOPE"), email);
            case "inactive":
                {
                    var (_, codeId, code) = await Promo.CreateAsync(server, TenPercent);
                    await Promo.PutAsync(server, $"/api/promotion-codes/{codeId}", new JsonObject { ["active"] = false });
                    return (linkId, code, email);
                }

            case "expired":
                {
                    var (couponId, _, code) = await Promo.CreateAsync(server, TenPercent);
                    await Promo.PutAsync(server, $"/api/coupons/{couponId}", new JsonObject { ["redeem_by"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds() });
                    return (linkId, code, email);
                }

            case "used_up":
                {
                    var (_, _, code) = await Promo.CreateAsync(server, TenPercent, new JsonObject { ["max_redemptions"] = 1 });
                    using var first = new FormClient(server.BaseAddress);
                    var fields = FormClient.Customer(email: $"first-{Guid.NewGuid():N}@example.com");
                    fields["promo_code"] = code;
                    Assert.Equal(HttpStatusCode.SeeOther, (await first.SubmitAsync(await first.GetAsync($"/checkout/pay/{linkId}"), fields)).Status);
                    return (linkId, code, email);
                }

            case "minimum":
                return (linkId, (await Promo.CreateAsync(server, TenPercent, new JsonObject
                {
                    ["restrictions"] = new JsonObject { ["minimum_amount"] = "50.00", ["minimum_amount_currency"] = "usd" },
                })).Code, email);
            case "products":
                {
                    var other = await server.PostAsync("/api/products", new JsonObject { ["name"] = "Something else" });
                    return (linkId, (await Promo.CreateAsync(server, new JsonObject
                    {
                        ["percent_off"] = 10,
                        ["applies_to"] = new JsonObject { ["products"] = new JsonArray(other["id"]!.GetValue<string>()) },
                    })).Code, email);
                }

            case "first_time":
                {
                    var (_, _, code) = await Promo.CreateAsync(server, TenPercent, new JsonObject { ["restrictions"] = new JsonObject { ["first_time_transaction"] = true } });
                    using var earlier = new FormClient(server.BaseAddress);
                    var (otherLink, _) = await server.CreateLinkAsync();
                    Assert.Equal(HttpStatusCode.SeeOther, (await earlier.SubmitAsync(await earlier.GetAsync($"/checkout/pay/{otherLink}"), FormClient.Customer(email: email.ToUpperInvariant()))).Status);
                    return (linkId, code, email);
                }

            default:
                return (linkId, (await Promo.CreateAsync(server, new JsonObject { ["amount_off"] = "5.00", ["currency_id"] = "eur" })).Code, email);
        }
    }
}
