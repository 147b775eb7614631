using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Paylink.Testing.PageSteps;

namespace Paylink.Browser.Tests;

/// <summary>Whatever the link requires blocks payment until the customer fills it; nothing is charged meanwhile.</summary>
[Collection(CheckoutServerCollection.Name)]
public sealed class RequiredFieldsTests(CheckoutServer server)
{
    private async Task<(IPage Page, string LinkId)> OpenAsync(JsonObject link)
    {
        var (linkId, _) = await server.CreateLinkAsync(link: link);
        var page = await server.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, $"/checkout/pay/{linkId}").ToString());
        await FillContactAsync(page);
        await FillCardAsync(page);
        return (page, linkId);
    }

    private async Task ExpectNothingPaidAsync(string linkId)
    {
        var sessions = await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}&status=complete");
        Assert.Equal(0, sessions["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_required_billing_address_blocks_payment_until_filled()
    {
        var (page, linkId) = await OpenAsync(new JsonObject { ["billing_address_collection"] = "required" });
        await ClickPayAsync(page);

        await Assertions.Expect(page.Locator("#address_line1-error")).ToHaveTextAsync("This field is required.");
        await Assertions.Expect(page.Locator("#address_country-error")).ToBeVisibleAsync();
        await ExpectNothingPaidAsync(linkId);

        await page.GetByLabel("Country").SelectOptionAsync("DE");
        await page.GetByLabel("Address line 1").FillAsync("Hauptstraße 1");
        await page.GetByLabel("City").FillAsync("Berlin");
        await page.GetByLabel("Postal code").FillAsync("10115");
        await FillCardAsync(page);
        await ClickPayAsync(page);
        await ExpectThankYouAsync(page);

        var session = (await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}"))["list"]![0]!;
        Assert.Equal("Hauptstraße 1", session["customer_details"]!["address"]!["line1"]!.GetValue<string>());
        Assert.Equal("DE", session["customer_details"]!["address"]!["country"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_required_custom_field_blocks_payment_until_filled()
    {
        var (page, linkId) = await OpenAsync(new JsonObject
        {
            ["custom_fields"] = new JsonArray(
                new JsonObject
                {
                    ["key"] = "size",
                    ["label"] = "T-shirt size",
                    ["type"] = "dropdown",
                    ["dropdown"] = new JsonObject
                    {
                        ["options"] = new JsonArray(
                        new JsonObject { ["label"] = "Small", ["value"] = "s" }, new JsonObject { ["label"] = "Large", ["value"] = "l" })
                    }
                },
                new JsonObject { ["key"] = "employees", ["label"] = "Team size", ["type"] = "numeric", ["optional"] = true }),
        });
        await ClickPayAsync(page);

        await Assertions.Expect(page.Locator("#field_size-error")).ToHaveTextAsync("This field is required.");
        await Assertions.Expect(page.Locator("#field_employees-error")).ToHaveCountAsync(0);
        await ExpectNothingPaidAsync(linkId);

        await page.GetByLabel("T-shirt size").SelectOptionAsync("l");
        await page.GetByLabel("Team size (optional)").FillAsync("abc");
        await FillCardAsync(page);
        await ClickPayAsync(page);
        await Assertions.Expect(page.Locator("#field_employees-error")).ToHaveTextAsync("Enter digits only.");

        await page.GetByLabel("Team size (optional)").FillAsync("12");
        await FillCardAsync(page);
        await ClickPayAsync(page);
        await ExpectThankYouAsync(page);
        var session = (await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}"))["list"]![0]!;
        Assert.Equal("l", session["custom_fields"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("12", session["custom_fields"]![1]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_terms_checkbox_blocks_payment_until_checked()
    {
        var (page, linkId) = await OpenAsync(new JsonObject { ["consent_collection"] = new JsonObject { ["terms_of_service"] = "required" } });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Read the terms" })).ToHaveAttributeAsync("href", CheckoutServer.TermsUrl);
        await ClickPayAsync(page);

        await Assertions.Expect(page.Locator("#terms-error")).ToHaveTextAsync("Accept the terms of service to continue.");
        await ExpectNothingPaidAsync(linkId);

        await page.GetByLabel("I agree to the terms of service").CheckAsync();
        await FillCardAsync(page);
        await ClickPayAsync(page);
        await ExpectThankYouAsync(page);
        var session = (await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}"))["list"]![0]!;
        Assert.Equal("accepted", session["consent"]!["terms_of_service"]!.GetValue<string>());
    }
}
