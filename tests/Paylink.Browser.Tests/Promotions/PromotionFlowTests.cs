using System.Net;
using System.Text.Json.Nodes;

namespace Paylink.Browser.Tests.Promotions;

/// <summary>A promotion code through the whole purchase: what is charged, what the session and intent record, when a redemption counts.</summary>
[Collection(CheckoutServerCollection.Name)]
public sealed class PromotionFlowTests(CheckoutServer server)
{
    [Fact]
    public async Task A_code_posted_by_hand_to_a_link_that_takes_none_is_refused_and_nothing_is_charged()
    {
        var (linkId, _) = await server.CreateLinkAsync();
        var (_, codeId, code) = await Promo.CreateAsync(server, new JsonObject { ["percent_off"] = 50 });
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}?prefilled_promo_code={code}");
        Assert.DoesNotContain("name=\"promo_code\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-discount", page.Html, StringComparison.Ordinal);

        var fields = FormClient.Customer();
        fields["promo_code"] = code;
        var paid = await customer.SubmitAsync(page, fields);

        Assert.Equal(HttpStatusCode.BadRequest, paid.Status);
        Assert.Contains("Promotion codes cannot be used on this page.", paid.Html, StringComparison.Ordinal);
        Assert.Equal(0, (await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}"))["count"]!.GetValue<long>());
        Assert.Equal((0L, 0L, 0L, 0L), await Promo.CountsAsync(server, codeId));

        // The same for a session made through the API without allow_promotion_codes.
        var (_, priceId) = await server.CreateLinkAsync();
        var session = await server.PostAsync("/api/checkout-sessions", new JsonObject
        {
            ["success_url"] = "https://example.com/done",
            ["line_items"] = new JsonArray(new JsonObject { ["price_id"] = priceId, ["quantity"] = 1 }),
        });
        var sessionPage = await customer.GetAsync($"/checkout/session/{session["id"]}");
        var sessionPaid = await customer.SubmitAsync(sessionPage, fields);
        Assert.Equal(HttpStatusCode.BadRequest, sessionPaid.Status);
        Assert.Contains("Promotion codes cannot be used on this page.", sessionPaid.Html, StringComparison.Ordinal);
        Assert.Equal("open", (await server.GetAsync($"/api/checkout-sessions/{session["id"]}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_valid_code_is_charged_once_rounded_half_up_in_yen_and_the_session_and_intent_record_it()
    {
        var (linkId, _) = await server.CreateLinkAsync(currency: "jpy", amount: "1500", link: Promo.LinkWithCodes());
        var (couponId, codeId, code) = await Promo.CreateAsync(server, new JsonObject { ["percent_off"] = 12.5, ["max_redemptions"] = 10 });
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}?prefilled_promo_code={code}");
        // 12.5 % of ¥1,500 is ¥187.5: half a yen rounds up.
        Assert.Contains("data-discount>−¥188<", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-total aria-live=\"polite\">¥1,312<", page.Html, StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L, 0L), await Promo.CountsAsync(server, codeId));

        var fields = FormClient.Customer();
        fields["promo_code"] = code;
        Assert.Equal(HttpStatusCode.SeeOther, (await customer.SubmitAsync(page, fields)).Status);

        var session = (await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}"))["list"]![0]!;
        Assert.Equal("1500", session["amount_subtotal"]!.GetValue<string>());
        Assert.Equal("188", session["total_details"]!["amount_discount"]!.GetValue<string>());
        Assert.Equal("1312", session["amount_total"]!.GetValue<string>());
        var discount = Assert.Single(session["discounts"]!.AsArray())!;
        Assert.Equal(couponId, discount["coupon_id"]!.GetValue<string>());
        Assert.Equal(codeId, discount["promotion_code_id"]!.GetValue<string>());
        Assert.Equal("188", discount["amount"]!.GetValue<string>());
        var line = session["line_items"]![0]!;
        Assert.Equal("188", line["amount_discount"]!.GetValue<string>());
        Assert.Equal("1312", line["amount_total"]!.GetValue<string>());
        var intent = await server.GetAsync($"/api/payment-intents/{session["payment_intent_id"]}");
        Assert.Equal("1312", intent["amount"]!.GetValue<string>());
        Assert.Equal((1L, 0L, 1L, 0L), await Promo.CountsAsync(server, codeId));
        Assert.Equal(1, (await server.GetAsync($"/api/coupons/{couponId}"))["times_redeemed"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_session_made_through_the_api_with_allow_promotion_codes_takes_a_code_on_its_page()
    {
        var (_, priceId) = await server.CreateLinkAsync(amount: "10.00");
        var (_, codeId, code) = await Promo.CreateAsync(server, new JsonObject { ["percent_off"] = 33.33 });
        var session = await server.PostAsync("/api/checkout-sessions", new JsonObject
        {
            ["success_url"] = "https://example.com/done?session={CHECKOUT_SESSION_ID}",
            ["allow_promotion_codes"] = true,
            ["line_items"] = new JsonArray(new JsonObject { ["price_id"] = priceId, ["quantity"] = 3 }),
        });
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/session/{session["id"]}");
        Assert.Contains("name=\"promo_code\"", page.Html, StringComparison.Ordinal);
        var fields = FormClient.Customer();
        fields["promo_code"] = code;

        var paid = await customer.SubmitAsync(page, fields);

        Assert.Equal(HttpStatusCode.SeeOther, paid.Status);
        var completed = await server.GetAsync($"/api/checkout-sessions/{session["id"]}");
        // 33.33 % of $30.00 is $9.999: $10.00 off, once for the order.
        Assert.Equal("10.00", completed["total_details"]!["amount_discount"]!.GetValue<string>());
        Assert.Equal("20.00", completed["amount_total"]!.GetValue<string>());
        Assert.Equal("20.00", (await server.GetAsync($"/api/payment-intents/{completed["payment_intent_id"]}"))["amount"]!.GetValue<string>());
        Assert.Equal((1L, 0L, 1L, 0L), await Promo.CountsAsync(server, codeId));
    }

    [Fact]
    public async Task A_declined_card_gives_the_code_back_and_the_retry_on_the_same_session_redeems_it_once()
    {
        var (linkId, _) = await server.CreateLinkAsync(link: Promo.LinkWithCodes());
        var (_, codeId, code) = await Promo.CreateAsync(server, new JsonObject { ["amount_off"] = "5.00", ["currency_id"] = "usd" }, new JsonObject { ["max_redemptions"] = 1 });
        using var customer = new FormClient(server.BaseAddress);
        var fields = FormClient.Customer(card: "4000000000000002");
        fields["promo_code"] = code;
        var declined = await customer.SubmitAsync(await customer.GetAsync($"/checkout/pay/{linkId}"), fields);

        Assert.Equal(HttpStatusCode.PaymentRequired, declined.Status);
        Assert.Contains("data-discount>−$5.00<", declined.Html, StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L, 0L), await Promo.CountsAsync(server, codeId));

        // Coming back to the session page finds the code still in the box and the discount shown.
        var again = await customer.GetAsync(declined.Action!);
        Assert.Equal($"Code {code} applied.", Promo.Status(again.Html));
        fields["card_number"] = "4242424242424242";
        Assert.Equal(HttpStatusCode.SeeOther, (await customer.SubmitAsync(again, fields)).Status);

        var session = (await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}"))["list"]![0]!;
        Assert.Equal("15.00", session["amount_total"]!.GetValue<string>());
        Assert.Equal("15.00", (await server.GetAsync($"/api/payment-intents/{session["payment_intent_id"]}"))["amount"]!.GetValue<string>());
        Assert.Equal((1L, 0L, 1L, 0L), await Promo.CountsAsync(server, codeId));
    }

    [Fact]
    public async Task A_code_worth_the_whole_order_completes_it_without_a_card_as_no_payment_required()
    {
        var (linkId, _) = await server.CreateLinkAsync(link: Promo.LinkWithCodes());
        var (_, codeId, code) = await Promo.CreateAsync(server, new JsonObject { ["amount_off"] = "25.00", ["currency_id"] = "usd" });
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}?prefilled_promo_code={code}");
        Assert.Contains("data-total aria-live=\"polite\">$0.00<", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"card_number\"", page.Html, StringComparison.Ordinal);

        var fields = new Dictionary<string, string> { ["email"] = "free@example.com", ["name"] = "Fay Free", ["promo_code"] = code, ["action"] = "pay" };
        Assert.Equal(HttpStatusCode.SeeOther, (await customer.SubmitAsync(page, fields)).Status);

        var session = (await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}"))["list"]![0]!;
        Assert.Equal("complete", session["status"]!.GetValue<string>());
        Assert.Equal("no_payment_required", session["payment_status"]!.GetValue<string>());
        Assert.Equal("0.00", session["amount_total"]!.GetValue<string>());
        Assert.Equal("20.00", session["total_details"]!["amount_discount"]!.GetValue<string>());
        Assert.Null(session["payment_intent_id"]);
        Assert.Equal((1L, 0L, 1L, 0L), await Promo.CountsAsync(server, codeId));
    }

    [Fact]
    public async Task The_preview_answers_the_discounted_totals_only_to_a_form_with_its_antiforgery_token()
    {
        var (linkId, _) = await server.CreateLinkAsync(amount: "19.99", link: Promo.LinkWithCodes());
        var (_, codeId, code) = await Promo.CreateAsync(server, new JsonObject { ["percent_off"] = 12.5 });
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}");
        var preview = page with { Action = page.Action + "/preview" };
        var fields = new Dictionary<string, string> { ["promo_code"] = code.ToLowerInvariant(), ["action"] = "apply" };

        var answer = await customer.SubmitAsync(preview, fields);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var json = JsonNode.Parse(answer.Html)!;
        Assert.Equal("$19.99", json["subtotal"]!.GetValue<string>());
        Assert.Equal("−$2.50", json["discount"]!.GetValue<string>());
        Assert.Equal("$17.49", json["total"]!.GetValue<string>());
        Assert.Equal("Pay $17.49", json["submit"]!.GetValue<string>());
        Assert.Null(json["promo_error"]);

        fields["promo_code"] = "NOT" + code;
        Assert.Equal("This code does not exist. Check the spelling and try again.",
            JsonNode.Parse((await customer.SubmitAsync(preview, fields)).Html)!["promo_error"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.BadRequest, (await customer.SubmitAsync(preview, fields, withAntiforgery: false)).Status);
        Assert.Equal((0L, 0L, 0L, 0L), await Promo.CountsAsync(server, codeId));
        Assert.Equal(0, (await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}"))["count"]!.GetValue<long>());
    }
}
