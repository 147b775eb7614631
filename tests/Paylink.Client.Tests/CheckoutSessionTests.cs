namespace Paylink.Client.Tests;

/// <summary>Checkout sessions, their payment intents and customers through the SDK.</summary>
[Collection(ServerCollection.Name)]
public sealed class CheckoutSessionTests(PaylinkServer server)
{
    [Fact]
    public async Task A_session_made_through_the_api_has_its_totals_url_and_expiry_and_can_be_expired_once()
    {
        using var payment = server.CreatePaymentClient();
        var price = await Seed.PriceAsync(payment, "7.25");
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var session = await payment.CheckoutSessions.CreateAsync(new CheckoutSessionCreateOptions
        {
            LineItems = [new() { PriceId = price.Id, Quantity = 3 }],
            SuccessUrl = "https://example.com/done?session={CHECKOUT_SESSION_ID}",
            CustomerEmail = "sam@example.com",
            ClientReferenceId = "order-42",
        });

        Assert.StartsWith("cs_", session.Id, StringComparison.Ordinal);
        Assert.Equal("open", session.Status);
        Assert.Equal("unpaid", session.PaymentStatus);
        Assert.Equal("usd", session.CurrencyId);
        Assert.EndsWith($"/checkout/session/{session.Id}", session.Url, StringComparison.Ordinal);
        Assert.InRange(session.ExpiresAt, before + 24 * 3600 - 60, before + 24 * 3600 + 60);
        Assert.Equal("order-42", session.ClientReferenceId);
        Assert.Equal("sam@example.com", session.CustomerEmail);

        var listed = await payment.CheckoutSessions.ListAsync(new CheckoutSessionListOptions { Status = "open", PageSize = 100 });
        Assert.Contains(listed.List, s => s.Id == session.Id);

        var expired = await payment.CheckoutSessions.ExpireAsync(session.Id);
        Assert.Equal("expired", expired.Status);
        var again = await Assert.ThrowsAsync<PaylinkException>(() => payment.CheckoutSessions.ExpireAsync(session.Id));
        Assert.Equal(409, again.StatusCode);
        Assert.Equal("session_not_open", again.Code);
    }

    [Fact]
    public async Task A_subscription_session_is_refused_as_not_supported()
    {
        using var payment = server.CreatePaymentClient();
        var price = await Seed.PriceAsync(payment);
        var error = await Assert.ThrowsAsync<PaylinkException>(() => payment.CheckoutSessions.CreateAsync(new CheckoutSessionCreateOptions
        {
            LineItems = [new() { PriceId = price.Id, Quantity = 1 }],
            Mode = "subscription",
        }));
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("mode_not_supported", error.Code);
        Assert.Equal("mode", error.Param);
    }

    [Fact]
    public async Task Unknown_intents_and_customers_are_404()
    {
        using var payment = server.CreatePaymentClient();
        var intent = await Assert.ThrowsAsync<PaylinkException>(() => payment.PaymentIntents.RetrieveAsync("pi_missing"));
        Assert.Equal(404, intent.StatusCode);
        var customer = await Assert.ThrowsAsync<PaylinkException>(() => payment.Customers.UpdateAsync("cus_missing", new CustomerUpdateOptions { Name = "x" }));
        Assert.Equal("resource_missing", customer.Code);
    }
}
