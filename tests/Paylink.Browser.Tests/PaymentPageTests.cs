using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Paylink.Testing.PageSteps;

namespace Paylink.Browser.Tests;

[Collection(CheckoutServerCollection.Name)]
public sealed class PaymentPageTests(CheckoutServer server)
{
    private string PageUrl(string linkId, string query = "") => new Uri(server.BaseAddress, $"/checkout/pay/{linkId}{query}").ToString();

    [Fact]
    public async Task The_payment_page_and_a_message_page_load_without_a_single_browser_error()
    {
        var (linkId, _) = await server.CreateLinkAsync();
        var page = await server.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        foreach (var url in new[] { PageUrl(linkId), PageUrl(linkId, "?locale=zh") })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        // A page that is itself a 404 logs that one error; nothing it asks for may add another.
        var missing = await page.GotoAsync(PageUrl("plink_missing"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(404, missing!.Status);
        Assert.Single(errors, e => e.Contains("404", StringComparison.Ordinal));
        Assert.Single(errors);
    }

    [Fact]
    public async Task Customer_pays_with_4242_and_lands_on_the_redirect_url_with_the_session_id()
    {
        var thanks = new Uri(server.BaseAddress, "/healthz?paid={CHECKOUT_SESSION_ID}").ToString();
        var (linkId, _) = await server.CreateLinkAsync(link: new JsonObject
        {
            ["after_completion"] = new JsonObject { ["type"] = "redirect", ["redirect"] = new JsonObject { ["url"] = thanks } },
        });
        var page = await server.NewPageAsync();
        await page.GotoAsync(PageUrl(linkId));
        await Assertions.Expect(page.Locator("button[data-submit]")).ToHaveTextAsync("Pay $20.00");

        await FillContactAsync(page);
        await FillCardAsync(page);
        await ClickPayAsync(page);
        await page.WaitForURLAsync(url => url.Contains("/healthz?paid=cs_", StringComparison.Ordinal));

        var sessionId = SessionId().Match(page.Url).Value;
        var session = await server.GetAsync($"/api/checkout-sessions/{sessionId}");
        Assert.Equal("complete", session["status"]!.GetValue<string>());
        Assert.Equal("paid", session["payment_status"]!.GetValue<string>());
        Assert.Equal(linkId, session["payment_link_id"]!.GetValue<string>());
        var intent = await server.GetAsync($"/api/payment-intents/{session["payment_intent_id"]}");
        Assert.Equal("20.00", intent["amount"]!.GetValue<string>());
        Assert.Equal("4242", intent["payment_details"]!["card"]!["last4"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_declined_card_shows_the_decline_beside_the_card_field_and_the_same_session_can_then_be_paid()
    {
        var (linkId, _) = await server.CreateLinkAsync();
        var page = await server.NewPageAsync();
        await page.GotoAsync(PageUrl(linkId));
        await FillContactAsync(page);
        await FillCardAsync(page, number: "4000 0000 0000 0002");
        await ClickPayAsync(page);

        await Assertions.Expect(page.Locator("#card_number-error")).ToHaveTextAsync("Your card was declined.");
        await Assertions.Expect(page.GetByLabel("Card number")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Card number")).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync("ann@example.com");
        var declinedSession = SessionId().Match(await page.Locator("form").GetAttributeAsync("action") ?? "").Value;

        await FillCardAsync(page);
        await ClickPayAsync(page);
        await ExpectThankYouAsync(page);

        var sessions = await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}");
        Assert.Equal(1, sessions["count"]!.GetValue<long>());
        Assert.Equal(declinedSession, sessions["list"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("complete", sessions["list"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Changing_an_adjustable_quantity_changes_the_total_and_the_charge()
    {
        var (linkId, _) = await server.CreateLinkAsync(amount: "12.50", lineItem: new JsonObject
        {
            ["quantity"] = 1,
            ["adjustable_quantity"] = new JsonObject { ["enabled"] = true, ["minimum"] = 1, ["maximum"] = 10 },
        });
        var page = await server.NewPageAsync();
        await page.GotoAsync(PageUrl(linkId));
        await page.GetByLabel("Quantity").FillAsync("3");

        await Assertions.Expect(page.Locator("[data-total]")).ToHaveTextAsync("$37.50");
        await Assertions.Expect(page.Locator("button[data-submit]")).ToHaveTextAsync("Pay $37.50");
        await FillContactAsync(page);
        await FillCardAsync(page);
        await ClickPayAsync(page);
        await ExpectThankYouAsync(page);
        await Assertions.Expect(page.GetByText("Paid: $37.50")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_product_named_like_a_script_shows_as_text()
    {
        var (linkId, _) = await server.CreateLinkAsync(productName: "<script>alert(1)</script>");
        var page = await server.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(PageUrl(linkId));

        await Assertions.Expect(page.Locator(".line .name")).ToHaveTextAsync("<script>alert(1)</script>");
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task The_chinese_page_shows_chinese_labels_and_yuan_amounts()
    {
        var (linkId, _) = await server.CreateLinkAsync(currency: "cny", amount: "1234.50");
        var page = await server.NewPageAsync();
        await page.GotoAsync(PageUrl(linkId, "?locale=zh"));

        await Assertions.Expect(page.GetByLabel("电子邮箱")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("卡号")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".totals .grand dt")).ToHaveTextAsync("总计");
        await Assertions.Expect(page.Locator("[data-total]")).ToHaveTextAsync("￥1,234.50");
        await Assertions.Expect(page.Locator("button[data-submit]")).ToHaveTextAsync("支付 ￥1,234.50");
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task Accept_language_chooses_chinese_and_yen_has_no_decimals()
    {
        var (linkId, _) = await server.CreateLinkAsync(currency: "jpy", amount: "1500");
        var page = await server.NewPageAsync(locale: "zh-CN");
        await page.GotoAsync(PageUrl(linkId));

        await Assertions.Expect(page.Locator("[data-total]")).ToHaveTextAsync("¥1,500");
        await Assertions.Expect(page.Locator(".totals .grand dt")).ToHaveTextAsync("总计");
    }

    [Fact]
    public async Task Nothing_overflows_horizontally_on_a_375_pixel_wide_screen()
    {
        var (linkId, _) = await server.CreateLinkAsync(
            productName: "An unusually long product name that goes on and on to test wrapping on small phones",
            link: new JsonObject
            {
                ["billing_address_collection"] = "required",
                ["phone_number_collection"] = new JsonObject { ["enabled"] = true },
                ["consent_collection"] = new JsonObject { ["terms_of_service"] = "required" },
                ["custom_fields"] = new JsonArray(new JsonObject { ["key"] = "company", ["label"] = "Company name", ["type"] = "text" }),
            },
            lineItem: new JsonObject { ["quantity"] = 2, ["adjustable_quantity"] = new JsonObject { ["enabled"] = true } });
        var page = await server.NewPageAsync(width: 375);
        await page.GotoAsync(PageUrl(linkId));
        await ClickPayAsync(page);
        await Assertions.Expect(page.Locator("#form-error")).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a 375px screen.");
    }
}
