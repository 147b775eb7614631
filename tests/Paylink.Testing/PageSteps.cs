using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Paylink.Testing;

/// <summary>What a customer does on the payment page, step by step.</summary>
public static partial class PageSteps
{
    [GeneratedRegex("cs_[0-9A-Za-z]+")]
    public static partial Regex SessionId();

    public static async Task FillContactAsync(IPage page, string email = "ann@example.com", string name = "Ann Lee")
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Full name").FillAsync(name);
    }

    public static async Task FillCardAsync(IPage page, string number = "4242 4242 4242 4242", string expiry = "12/34", string cvc = "123")
    {
        await page.GetByLabel("Card number").FillAsync(number);
        await page.GetByLabel("Expiry (MM/YY)").FillAsync(expiry);
        await page.GetByLabel("CVC", new() { Exact = true }).FillAsync(cvc);
    }

    public static Task ClickPayAsync(IPage page) => page.Locator("button[data-submit]").ClickAsync();

    public static async Task ExpectThankYouAsync(IPage page) =>
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you!" })).ToBeVisibleAsync();
}
