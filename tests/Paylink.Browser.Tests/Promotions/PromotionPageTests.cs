using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Paylink.Testing.PageSteps;

namespace Paylink.Browser.Tests.Promotions;

/// <summary>A customer types a promotion code in Chromium, sees the discount, and pays exactly the discounted total.</summary>
[Collection(CheckoutServerCollection.Name)]
public sealed class PromotionPageTests(CheckoutServer server)
{
    [Fact]
    public async Task With_javascript_a_code_applies_without_a_reload_follows_the_quantity_and_the_intent_charges_the_discounted_total()
    {
        var (linkId, _) = await server.CreateLinkAsync(amount: "19.99", link: Promo.LinkWithCodes(), lineItem: new JsonObject
        {
            ["quantity"] = 1,
            ["adjustable_quantity"] = new JsonObject { ["enabled"] = true, ["minimum"] = 1, ["maximum"] = 5 },
        });
        var (_, _, code) = await Promo.CreateAsync(server, new JsonObject { ["percent_off"] = 12.5 });
        var page = await server.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, $"/checkout/pay/{linkId}").ToString());
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        await page.GetByLabel("Promotion code").FillAsync("NOT" + code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.Locator("#promo_code-status")).ToHaveTextAsync("This code does not exist. Check the spelling and try again.");
        await Assertions.Expect(page.GetByLabel("Promotion code")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("[data-total]")).ToHaveTextAsync("$19.99");

        await page.GetByLabel("Promotion code").FillAsync(code.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.Locator("#promo_code-status")).ToHaveTextAsync($"Code {code} applied.");
        await Assertions.Expect(page.Locator("[data-discount-label]")).ToHaveTextAsync($"Discount ({code})");
        await Assertions.Expect(page.Locator("[data-discount]")).ToHaveTextAsync("−$2.50");
        await Assertions.Expect(page.Locator("[data-total]")).ToHaveTextAsync("$17.49");

        // Two boxes: 12.5 % of $39.98 is $4.9975, so $5.00 off.
        await page.GetByLabel("Quantity").FillAsync("2");
        await Assertions.Expect(page.Locator("[data-discount]")).ToHaveTextAsync("−$5.00");
        await Assertions.Expect(page.Locator("[data-total]")).ToHaveTextAsync("$34.98");
        await Assertions.Expect(page.Locator("button[data-submit]")).ToHaveTextAsync("Pay $34.98");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "Applying the code reloaded the page.");

        await FillContactAsync(page);
        await FillCardAsync(page);
        await ClickPayAsync(page);
        await ExpectThankYouAsync(page);
        await ExpectChargedAsync(linkId, "34.98", "5.00");
    }

    [Fact]
    public async Task Without_javascript_the_apply_button_shows_the_discount_and_the_intent_charges_the_discounted_total()
    {
        var (linkId, _) = await server.CreateLinkAsync(amount: "19.99", link: Promo.LinkWithCodes());
        var (_, _, code) = await Promo.CreateAsync(server, new JsonObject { ["amount_off"] = "4.00", ["currency_id"] = "usd" });
        var page = await server.NewPageAsync(javaScript: false);
        await page.GotoAsync(new Uri(server.BaseAddress, $"/checkout/pay/{linkId}").ToString());
        await FillContactAsync(page);

        await page.GetByLabel("Promotion code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-discount]")).ToHaveTextAsync("−$4.00");
        await Assertions.Expect(page.Locator("[data-total]")).ToHaveTextAsync("$15.99");
        await Assertions.Expect(page.Locator("button[data-submit]")).ToHaveTextAsync("Pay $15.99");
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync("ann@example.com");
        await Assertions.Expect(page.Locator("#promo_code-error, .form-error")).ToHaveCountAsync(0);

        await FillCardAsync(page);
        await ClickPayAsync(page);
        await ExpectThankYouAsync(page);
        await Assertions.Expect(page.Locator(".receipt [data-discount-row]")).ToHaveTextAsync($"Discount ({code})−$4.00");
        await Assertions.Expect(page.Locator(".paid")).ToHaveTextAsync("Paid: $15.99");
        await ExpectChargedAsync(linkId, "15.99", "4.00");
    }

    private async Task ExpectChargedAsync(string linkId, string total, string discount)
    {
        var session = (await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}"))["list"]![0]!;
        Assert.Equal("complete", session["status"]!.GetValue<string>());
        Assert.Equal(total, session["amount_total"]!.GetValue<string>());
        Assert.Equal(discount, session["total_details"]!["amount_discount"]!.GetValue<string>());
        var intent = await server.GetAsync($"/api/payment-intents/{session["payment_intent_id"]}");
        Assert.Equal(total, intent["amount"]!.GetValue<string>());
        Assert.Equal("succeeded", intent["status"]!.GetValue<string>());
    }
}
