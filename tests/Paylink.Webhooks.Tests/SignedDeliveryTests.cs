using Paylink.Client;
using Paylink.Testing;
using StandardWebhooks;
using IndependentCheckFailed = StandardWebhooks.Diagnostics.WebhookVerificationException;

namespace Paylink.Webhooks.Tests;

/// <summary>A merchant's receiver gets signed events that an independent Standard Webhooks verifier accepts.</summary>
public sealed class SignedDeliveryTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private readonly Receiver receiver = fixture.Receiver;

    [Fact]
    public async Task A_created_payment_link_arrives_signed_and_a_tampered_body_fails_the_check()
    {
        var endpoint = await fixture.CreateEndpointAsync("/links", "payment_link.created");
        var link = await fixture.CreateLinkAsync("Signed link");

        var delivery = (await Eventually.WaitForAsync(() => receiver.At("/links"), d => d.Count > 0, Within, "payment_link.created"))[0];
        Assert.Equal("payment_link.created", delivery.Type);
        Assert.Equal(link.Id, delivery.DataObject["id"]!.GetValue<string>());
        Assert.Equal("Signed link", delivery.DataObject["name"]!.GetValue<string>());
        var evt = await fixture.Test.Events.RetrieveAsync(delivery.WebhookId);
        Assert.Equal("payment_link.created", evt.Type);

        var verifier = new StandardWebhook(endpoint.Secret!);
        verifier.Verify(delivery.Body, delivery.Headers);
        var tampered = delivery.Body.Replace("Signed link", "Signed linK", StringComparison.Ordinal);
        Assert.Throws<IndependentCheckFailed>(() => verifier.Verify(tampered, delivery.Headers));
        Assert.Throws<IndependentCheckFailed>(() => new StandardWebhook(WebhookSecretOf(32)).Verify(delivery.Body, delivery.Headers));

        // The SDK's own verifier agrees, and gives back the event.
        var verified = new WebhookVerifier(endpoint.Secret!).Verify(delivery.Body, name => delivery.Headers[name].ToString());
        Assert.Equal(delivery.WebhookId, verified.Id);
        Assert.Throws<Paylink.Client.WebhookVerificationException>(() =>
            new WebhookVerifier(endpoint.Secret!).Verify(tampered, name => delivery.Headers[name].ToString()));
    }

    [Fact]
    public async Task A_browser_purchase_sends_checkout_session_completed()
    {
        var endpoint = await fixture.CreateEndpointAsync("/sales", "checkout.session.completed");
        var link = await fixture.CreateLinkAsync("Browser purchase");

        var page = await fixture.Server.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/checkout/pay/{link.Id}").ToString());
        await PageSteps.FillContactAsync(page, email: "webhook-buyer@example.com");
        await PageSteps.FillCardAsync(page);
        await PageSteps.ClickPayAsync(page);
        await PageSteps.ExpectThankYouAsync(page);
        await page.Context.CloseAsync();

        var delivery = (await Eventually.WaitForAsync(() => receiver.At("/sales"), d => d.Count > 0, Within, "checkout.session.completed"))[0];
        Assert.Equal("checkout.session.completed", delivery.Type);
        Assert.Equal(link.Id, delivery.DataObject["payment_link_id"]!.GetValue<string>());
        Assert.Equal("complete", delivery.DataObject["status"]!.GetValue<string>());
        Assert.Equal("12.00", delivery.DataObject["amount_total"]!.GetValue<string>());
        new StandardWebhook(endpoint.Secret!).Verify(delivery.Body, delivery.Headers);
        Assert.Throws<IndependentCheckFailed>(() =>
            new StandardWebhook(endpoint.Secret!).Verify(delivery.Body.Replace("12.00", "0.01", StringComparison.Ordinal), delivery.Headers));
        // The endpoint listens for completed sessions only: none of the link's other events came.
        Assert.All(receiver.At("/sales"), d => Assert.Equal("checkout.session.completed", d.Type));
    }

    [Fact]
    public async Task A_disabled_endpoint_receives_nothing_and_enabled_events_filter_by_type()
    {
        await fixture.CreateEndpointAsync("/every", "*");
        var products = await fixture.CreateEndpointAsync("/products", "product.created");
        var disabled = await fixture.Test.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions
        {
            Url = receiver.UrlFor("/disabled"),
            EnabledEvents = ["*"],
            Status = "disabled",
        });
        var link = await fixture.CreateLinkAsync("Filtered link");

        // The catch-all endpoint gets the link's event, which was recorded after the product's and price's.
        await Eventually.WaitForAsync(() => receiver.At("/every"), d => d.Any(x => x.Type == "payment_link.created" && x.DataObject["id"]!.GetValue<string>() == link.Id),
            Within, "payment_link.created at the catch-all endpoint");
        var productEvents = await Eventually.WaitForAsync(() => receiver.At("/products"), d => d.Count > 0, Within, "product.created");

        var everyTypes = receiver.At("/every").Select(d => d.Type).ToHashSet();
        Assert.Superset(new HashSet<string> { "product.created", "price.created", "payment_link.created" }, everyTypes);
        Assert.All(receiver.At("/products"), d => Assert.Equal("product.created", d.Type));
        Assert.Equal("Tea box", productEvents[0].DataObject["name"]!.GetValue<string>());
        Assert.Empty(receiver.At("/disabled"));
        Assert.Equal(0, (await fixture.Test.WebhookEndpoints.ListAttemptsAsync(disabled.Id)).Count);
        Assert.All((await fixture.Test.WebhookEndpoints.ListAttemptsAsync(products.Id)).List, a => Assert.Equal("product.created", a.EventType));
    }

    private static string WebhookSecretOf(int bytes) => "whsec_" + Convert.ToBase64String(new byte[bytes]);
}
