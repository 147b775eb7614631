using Paylink.Client;

namespace Paylink.Webhooks.Tests;

/// <summary>Failed deliveries are retried with the same webhook-id, every attempt is listed, and giving up marks the endpoint failing.</summary>
public sealed class RetryTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private readonly Receiver receiver = fixture.Receiver;

    [Fact]
    public async Task A_receiver_failing_three_times_gets_the_event_four_times_with_one_webhook_id()
    {
        var calls = 0;
        receiver.AnswersAt["/flaky"] = _ => Interlocked.Increment(ref calls) <= 3 ? 500 : 200;
        var endpoint = await fixture.CreateEndpointAsync("/flaky", "product.created");
        var product = await fixture.Test.Products.CreateAsync(new ProductCreateOptions { Name = "Flaky box" });

        var deliveries = await Eventually.WaitForAsync(() => receiver.At("/flaky"), d => d.Count >= 4, Within, "four deliveries");
        var evt = (await fixture.Test.Events.ListAsync(new EventListOptions { Type = "product.created", PageSize = 100 })).List
            .Single(e => e.Data.Object["id"]!.GetValue<string>() == product.Id);
        Assert.All(deliveries, d => Assert.Equal(evt.Id, d.WebhookId));

        var attempts = await Eventually.WaitForAsync(async () => (await fixture.Test.WebhookEndpoints.ListAttemptsAsync(endpoint.Id)).List,
            a => a.Count >= 4, Within, "four attempts listed");
        Assert.Equal([4, 3, 2, 1], attempts.Select(a => a.Attempt));
        Assert.Equal(new int?[] { 200, 500, 500, 500 }, attempts.Select(a => a.StatusCode));
        Assert.Equal([true, false, false, false], attempts.Select(a => a.Succeeded));
        Assert.All(attempts, a => Assert.Equal(evt.Id, a.EventId));
        // The receiver is on loopback: its replies are never kept, only their status.
        Assert.All(attempts, a => Assert.Null(a.ResponseBody));
        Assert.All(attempts.Skip(1), a => Assert.NotNull(a.NextRetryAt));
        Assert.Null(attempts[0].NextRetryAt);
        Assert.False((await fixture.Test.WebhookEndpoints.RetrieveAsync(endpoint.Id)).Failing);
        Assert.Equal(4, receiver.At("/flaky").Count);
    }

    [Fact]
    public async Task After_the_last_retry_the_endpoint_is_failing_until_a_delivery_succeeds()
    {
        var up = false;
        receiver.AnswersAt["/down"] = _ => Volatile.Read(ref up) ? 200 : 503;
        var endpoint = await fixture.CreateEndpointAsync("/down", "product.created");
        var product = await fixture.Test.Products.CreateAsync(new ProductCreateOptions { Name = "Unlucky box" });

        var failing = await Eventually.WaitForAsync(() => fixture.Test.WebhookEndpoints.RetrieveAsync(endpoint.Id), e => e.Failing, Within, "the endpoint to be failing");
        Assert.True(failing.Failing);
        var attempts = (await fixture.Test.WebhookEndpoints.ListAttemptsAsync(endpoint.Id)).List;
        Assert.Equal(1 + WebhookServer.Retries, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(503, a.StatusCode));
        Assert.Null(attempts[0].NextRetryAt);
        Assert.Equal(1 + WebhookServer.Retries, receiver.At("/down").Count);

        // Once the receiver is back, sending the event again clears the flag.
        Volatile.Write(ref up, true);
        var eventId = receiver.At("/down")[0].WebhookId;
        await fixture.Test.Events.RetryAsync(eventId, new EventRetryOptions { WebhookEndpointId = endpoint.Id });
        await Eventually.WaitForAsync(() => fixture.Test.WebhookEndpoints.RetrieveAsync(endpoint.Id), e => !e.Failing, Within, "the failing flag to clear");
        var last = (await fixture.Test.WebhookEndpoints.ListAttemptsAsync(endpoint.Id)).List[0];
        Assert.True(last.Succeeded);
        Assert.Equal(2 + WebhookServer.Retries, last.Attempt);
        Assert.Equal(product.Id, receiver.At("/down")[^1].DataObject["id"]!.GetValue<string>());
        Assert.All(receiver.At("/down"), d => Assert.Equal(eventId, d.WebhookId));
    }
}
