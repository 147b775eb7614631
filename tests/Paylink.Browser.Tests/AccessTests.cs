using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Paylink.Testing.PageSteps;

namespace Paylink.Browser.Tests;

/// <summary>The page works for someone on a keyboard, and for a browser with JavaScript turned off.</summary>
[Collection(CheckoutServerCollection.Name)]
public sealed class AccessTests(CheckoutServer server)
{
    [Fact]
    public async Task A_purchase_can_be_completed_with_the_keyboard_alone()
    {
        var (linkId, _) = await server.CreateLinkAsync();
        var page = await server.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, $"/checkout/pay/{linkId}").ToString());

        async Task TabToAsync(string id)
        {
            for (var presses = 0; presses < 40; presses++)
            {
                await page.Keyboard.PressAsync("Tab");
                if (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") == id)
                {
                    return;
                }
            }

            Assert.Fail($"Tab never reached #{id}.");
        }

        await TabToAsync("email");
        await page.Keyboard.TypeAsync("keys@example.com");
        await TabToAsync("name");
        await page.Keyboard.TypeAsync("Kay Board");
        await TabToAsync("card_number");
        await page.Keyboard.TypeAsync("4242424242424242");
        await TabToAsync("card_expiry");
        await page.Keyboard.TypeAsync("11/33");
        await TabToAsync("card_cvc");
        await page.Keyboard.TypeAsync("321");
        for (var presses = 0; presses < 10 && await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('value')") != "pay"; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await ExpectThankYouAsync(page);
    }

    [Fact]
    public async Task The_page_works_with_javascript_disabled()
    {
        var (linkId, _) = await server.CreateLinkAsync(amount: "8.00", lineItem: new JsonObject
        {
            ["quantity"] = 1,
            ["adjustable_quantity"] = new JsonObject { ["enabled"] = true, ["maximum"] = 5 },
        });
        var page = await server.NewPageAsync(javaScript: false);
        await page.GotoAsync(new Uri(server.BaseAddress, $"/checkout/pay/{linkId}").ToString());

        await page.GetByLabel("Quantity").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Update total" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-total]")).ToHaveTextAsync("$16.00");

        await FillContactAsync(page);
        await FillCardAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay $16.00" }).ClickAsync();
        await ExpectThankYouAsync(page);
        await Assertions.Expect(page.GetByText("Paid: $16.00")).ToBeVisibleAsync();
    }
}
