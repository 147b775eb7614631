using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Playwright;
using Paylink.Client;
using Paylink.Server.Features.Checkout;
using Paylink.Server.Features.Checkout.Pages;
using Paylink.Server.Infrastructure;

namespace Paylink.Browser.Tests;

/// <summary>
/// The pages' HTML as Chromium reads it, for a payment page with every option on and a confirmation,
/// every text a merchant or customer can set made of HTML's special characters: nothing they write becomes markup,
/// every field is labelled and tied to its hint and error, what was typed comes back (but never the
/// card), and the tokens land in their fields.
/// </summary>
[Collection(CheckoutServerCollection.Name)]
public sealed class PageHtmlTests(CheckoutServer server)
{
    private const string Hostile = "\"'><b>&amp;</b><script>alert(1)</script>";

    [Fact]
    public async Task Merchant_and_customer_text_is_shown_as_text_and_never_becomes_markup()
    {
        var page = await OpenAsync(FullView());

        Assert.Equal(1, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("b, i").CountAsync());
        Assert.Equal($"Pay M{Hostile}", await page.TitleAsync());
        Assert.Equal($"Pay M{Hostile}", await page.Locator(".merchant span").TextContentAsync());
        Assert.Equal("P" + Hostile, await page.Locator(".line .name").First.TextContentAsync());
        Assert.Equal("D" + Hostile, await page.Locator(".line .description").TextContentAsync());
        Assert.Equal("https://img.test/a.png?x=\"<>", await page.Locator(".line img.thumb").GetAttributeAsync("src"));
        Assert.Equal("Questions? s" + Hostile, await page.Locator(".support").TextContentAsync());
        Assert.Equal("E" + Hostile, await page.InputValueAsync("#email"));
        Assert.Equal("C" + Hostile + " (optional)", await page.Locator("label[for=field_note]").TextContentAsync());
        Assert.Equal("N" + Hostile, await page.InputValueAsync("#field_note"));
        Assert.Equal("O" + Hostile, await page.Locator("#field_size option:checked").TextContentAsync());
        Assert.Equal("T" + Hostile, await page.Locator("label[for=terms]").TextContentAsync());
        Assert.Equal("S" + Hostile, await page.Locator(".submit-text").TextContentAsync());
        Assert.Equal("Notice" + Hostile, await page.Locator(".notice").TextContentAsync());
        Assert.Equal("ref" + Hostile, await page.InputValueAsync("input[name=client_reference_id]"));
        Assert.Equal("https://shop.test/cancel?a=1&b=\"<>", await page.Locator(".cancel a").GetAttributeAsync("href"));
    }

    [Fact]
    public async Task Every_field_has_a_label_and_its_hint_and_error_are_tied_to_it()
    {
        var view = FullView();
        var page = await OpenAsync(view);

        var fields = page.Locator("form input:not([type=hidden]), form select");
        var ids = new List<string>();
        for (var i = 0; i < await fields.CountAsync(); i++)
        {
            var id = await fields.Nth(i).GetAttributeAsync("id");
            Assert.False(string.IsNullOrEmpty(id));
            Assert.Equal(1, await page.Locator($"label[for='{id}']").CountAsync());
            ids.Add(id!);
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("address_country", ids);
        Assert.Contains("phone", ids);
        Assert.Contains("promo_code", ids);
        Assert.Contains("quantity_0", ids);
        Assert.Contains("custom_amount", ids);
        foreach (var (name, error) in view.Errors)
        {
            var field = page.Locator($"[name='{name}']:not([type=hidden])");
            Assert.Equal("true", await field.GetAttributeAsync("aria-invalid"));
            var describedBy = (await field.GetAttributeAsync("aria-describedby"))!.Split(' ');
            var texts = new List<string>();
            foreach (var id in describedBy)
            {
                texts.Add((await page.Locator($"#{id}").TextContentAsync())!);
            }

            Assert.Contains(error, texts);
        }

        Assert.Equal("Between $1.00 and $500.00", await page.Locator("#custom_amount-hint").TextContentAsync());
        Assert.Equal(2, (await page.Locator("#custom_amount").GetAttributeAsync("aria-describedby"))!.Split(' ').Length);
        Assert.Equal("Correct the highlighted fields.", await page.Locator("#form-error").TextContentAsync());
        Assert.Equal(0, await page.Locator("#name[aria-invalid]").CountAsync());
    }

    [Fact]
    public async Task What_the_customer_chose_comes_back_but_never_the_card()
    {
        var page = await OpenAsync(FullView(), out var html);

        Assert.Equal("DE", await page.InputValueAsync("#address_country"));
        Assert.Equal("l", await page.InputValueAsync("#field_size"));
        Assert.True(await page.IsCheckedAsync("#terms"));
        Assert.Equal("3", await page.InputValueAsync("#quantity_0"));
        Assert.Equal("1", await page.Locator("#quantity_0").GetAttributeAsync("min"));
        Assert.Equal("9", await page.Locator("#quantity_0").GetAttributeAsync("max"));
        Assert.Equal("SAVE10", await page.InputValueAsync("#promo_code"));
        Assert.Equal("", await page.InputValueAsync("#card_number"));
        Assert.Equal("", await page.InputValueAsync("#card_cvc"));
        Assert.DoesNotContain("4000000000000002", html, StringComparison.Ordinal);
        Assert.DoesNotContain("987", html, StringComparison.Ordinal);
        Assert.True(await page.Locator("#card_number").GetAttributeAsync("required") is not null);
        Assert.Null(await page.Locator("#card_name").GetAttributeAsync("required"));
    }

    [Fact]
    public async Task The_tokens_of_the_response_land_in_their_fields()
    {
        var page = await OpenAsync(FullView(), out _, forgery: "forgery\"<&>", token: "form.token\"<&>");

        Assert.Equal("forgery\"<&>", await page.InputValueAsync($"input[name={PageForgery.FieldName}]"));
        Assert.Equal("form.token\"<&>", await page.InputValueAsync("input[name=token]"));
        Assert.Equal("en", await page.InputValueAsync("input[name=locale]"));
    }

    [Fact]
    public async Task A_plain_page_asks_only_for_contact_and_card()
    {
        var view = FullView();
        view.Settings.AllowPromotionCodes = false;
        view.Settings.PhoneNumberCollection = false;
        view.Settings.BillingAddressCollection = "auto";
        view.Settings.CustomFields = [];
        view.Settings.TermsOfService = "none";
        var page = await OpenAsync(new CheckoutView
        {
            S = view.S,
            Merchant = new Merchant(),
            TestMode = false,
            FormAction = "/checkout/pay/pl_1",
            HasToken = false,
            Currency = view.Currency,
            Settings = view.Settings,
            Lines = [view.Lines[0] with { Adjustable = false, Quantity = 2 }],
            SubtotalText = "$40.00",
            TotalText = "$40.00",
            TotalMinor = 4000,
            Values = [],
            Errors = [],
            LanguageSwitchUrl = "/checkout/pay/pl_1?locale=zh",
        });

        var names = await page.Locator("form input:not([type=hidden]), form select").EvaluateAllAsync<string[]>("els => els.map(e => e.name)");
        Assert.Equal(["email", "name", "card_number", "card_expiry", "card_cvc", "card_name"], names);
        Assert.Equal(0, await page.Locator("input[name=token], .banner, .logo, .support").CountAsync());
        Assert.Equal("Quantity: 2", await page.Locator(".qty").TextContentAsync());
        Assert.Equal("Pay $40.00", await page.Locator("[data-submit]").TextContentAsync());
    }

    [Fact]
    public async Task A_page_longer_than_the_first_buffer_is_written_whole()
    {
        var view = FullView();
        view.Settings.CustomFields =
        [
            .. Enumerable.Range(0, 3).Select(f => new CustomField
            {
                Key = $"pick{f}", Label = new CustomFieldLabel { Custom = $"Pick {f}" }, Type = "dropdown",
                Dropdown = new CustomFieldDropdown { Options = [.. Enumerable.Range(0, 200).Select(i => new CustomFieldOption { Label = $"Option {i} " + new string('x', 40), Value = $"v{i}" })] },
            }),
        ];
        view.Values["field_pick2"] = "v199";
        var page = await OpenAsync(view, out var html);

        Assert.True(Encoding.UTF8.GetByteCount(html) > 32 * 1024);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.Equal(600, await page.Locator("select[id^=field_pick] option:not([value=''])").CountAsync());
        Assert.Equal("v199", await page.InputValueAsync("#field_pick2"));
        Assert.Equal("f", await page.InputValueAsync($"input[name={PageForgery.FieldName}]"));
        Assert.Equal("Pay $58.50", await page.Locator("[data-submit]").TextContentAsync());
    }

    [Fact]
    public async Task A_confirmation_shows_what_was_bought_as_text()
    {
        using var output = new HtmlOutput(HtmlEncoder.Create(UnicodeRanges.All));
        MessagePageHtml.Write(output, new MessageView
        {
            S = Strings.Chinese,
            Merchant = new Merchant { Name = "M" + Hostile, LogoUrl = "https://img.test/logo.png?a=\"<>" },
            Title = "感谢您的购买",
            Text = "Thanks" + Hostile,
            TestMode = true,
            Items = [("P" + Hostile, 2, "$40.00"), ("Tip", 1, "$5.00")],
            Discount = ("Discount (" + Hostile + ")", "−$4.50"),
            PaidText = "$40.50",
            CardText = "Visa •••• 4242",
            EmailText = "Receipt to a" + Hostile,
        });
        var page = await LoadAsync(Encoding.UTF8.GetString(output.ToArray()));

        Assert.Equal(0, await page.Locator("script, b").CountAsync());
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal($"感谢您的购买 · M{Hostile}", await page.TitleAsync());
        Assert.Equal("Thanks" + Hostile, await page.Locator(".lead").TextContentAsync());
        Assert.Equal(["P" + Hostile + " × 2$40.00", "Tip × 1$5.00", "Discount (" + Hostile + ")−$4.50"], await page.Locator(".receipt li").AllTextContentsAsync());
        Assert.Equal("https://img.test/logo.png?a=\"<>", await page.Locator(".logo").GetAttributeAsync("src"));
        Assert.Contains("Receipt to a" + Hostile, await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".banner").CountAsync());
    }

    private Task<IPage> OpenAsync(CheckoutView view) => OpenAsync(view, out _);

    private Task<IPage> OpenAsync(CheckoutView view, out string html, string forgery = "f", string? token = "t")
    {
        using var output = new HtmlOutput(HtmlEncoder.Create(UnicodeRanges.All));
        CheckoutPageHtml.Write(output, view);
        var buffer = new ArrayBufferWriter<byte>();
        output.ToTemplate().WriteTo(buffer, forgery, token);
        html = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return LoadAsync(html);
    }

    private async Task<IPage> LoadAsync(string html)
    {
        var page = await server.Browser.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false });
        await page.SetContentAsync(html);
        return page;
    }

    private static CheckoutView FullView()
    {
        var s = Strings.English;
        var settings = new CheckoutSettings
        {
            AllowPromotionCodes = true,
            PhoneNumberCollection = true,
            BillingAddressCollection = "required",
            TermsOfService = "required",
            CustomText = new CustomText { Submit = "S" + Hostile, TermsOfServiceAcceptance = "T" + Hostile },
            CustomFields =
            [
                new CustomField { Key = "note", Label = new CustomFieldLabel { Custom = "C" + Hostile }, Type = "text", Optional = true, Text = new CustomFieldLength { MinimumLength = 2, MaximumLength = 40 } },
                new CustomField
                {
                    Key = "size", Label = new CustomFieldLabel { Custom = "Size" }, Type = "dropdown",
                    Dropdown = new CustomFieldDropdown { Options = [new CustomFieldOption { Label = "Small", Value = "s" }, new CustomFieldOption { Label = "O" + Hostile, Value = "l" }] },
                },
                new CustomField { Key = "code", Label = new CustomFieldLabel { Custom = "Code" }, Type = "numeric", Numeric = new CustomFieldLength { MaximumLength = 6 } },
            ],
        };
        return new CheckoutView
        {
            S = s,
            Merchant = new Merchant { Name = "M" + Hostile, LogoUrl = "https://img.test/logo.png", SupportEmail = "s" + Hostile },
            TestMode = true,
            FormAction = "/checkout/pay/pl_1",
            HasToken = true,
            Currency = new Currency("usd", "US Dollar", "$", 2, true),
            Settings = settings,
            Lines =
            [
                new LineView(0, "P" + Hostile, "D" + Hostile, "https://img.test/a.png?x=\"<>", "$20.00", 3, Adjustable: true, Min: 1, Max: 9, "$60.00", 2000, CustomAmount: false, CustomRange: null),
                new LineView(1, "Tip", null, null, "$5.00", 1, Adjustable: false, Min: 1, Max: 1, "$5.00", 500, CustomAmount: true, CustomRange: "Between $1.00 and $500.00"),
            ],
            SubtotalText = "$65.00",
            DiscountText = "−$6.50",
            DiscountLabel = "Discount (SAVE10)",
            PromoNote = "Code SAVE10 applied.",
            TotalText = "$58.50",
            TotalMinor = 5850,
            Values = new()
            {
                ["email"] = "E" + Hostile,
                ["field_note"] = "N" + Hostile,
                ["field_size"] = "l",
                ["address_country"] = "DE",
                ["terms"] = "accepted",
                ["quantity_0"] = "3",
                ["promo_code"] = "SAVE10",
                ["card_number"] = "4000000000000002",
                ["card_cvc"] = "987",
            },
            Errors = new()
            {
                ["phone"] = "Enter a phone number.",
                ["address_country"] = "Choose a country.",
                ["field_code"] = "Digits only.",
                ["custom_amount"] = "Too little.",
                ["card_number"] = "Your card was declined.",
                ["terms"] = "Accept the terms.",
            },
            FormError = "Correct the highlighted fields.",
            Notice = "Notice" + Hostile,
            TermsUrl = "https://shop.test/terms",
            ClientReferenceId = "ref" + Hostile,
            LanguageSwitchUrl = "/checkout/pay/pl_1?locale=zh",
            CancelUrl = "https://shop.test/cancel?a=1&b=\"<>",
        };
    }
}
