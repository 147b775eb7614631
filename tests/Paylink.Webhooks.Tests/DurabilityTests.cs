using System.Collections.Concurrent;
using Paylink.Client;
using Paylink.Testing;
using StandardWebhooks;

namespace Paylink.Webhooks.Tests;

/// <summary>Deliveries survive a server killed mid-work, and several instances on one PostgreSQL database send each event once.</summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(120);
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "paylink-webhooks-" + Guid.NewGuid().ToString("N"));
    private Receiver receiver = default!;

    public async Task InitializeAsync() => receiver = await Receiver.StartAsync();

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task A_server_killed_with_100_deliveries_pending_delivers_every_event_after_restart()
    {
        // The receiver answers ten deliveries, then hangs (a slow receiver) until the server has been killed.
        var receiverBack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acknowledged = new ConcurrentDictionary<string, Delivery>();
        var answered = 0;
        receiver.Answer = async (delivery, aborted) =>
        {
            if (Interlocked.Increment(ref answered) > 10)
            {
                await receiverBack.Task.WaitAsync(aborted);
            }

            acknowledged[delivery.WebhookId] = delivery;
            return 200;
        };
        var settings = new Dictionary<string, string>
        {
            ["Paylink__DataDir"] = dataDir,
            ["Paylink__Webhooks__PollInterval"] = "100ms",
            ["Paylink__Webhooks__Timeout"] = "2s",
            ["Paylink__Webhooks__RetryDelays"] = "500ms,1s,1s,1s,1s,1s,1s,1s,1s,1s",
        };

        string secret;
        await using (var first = await ServerProcess.StartAsync(settings))
        {
            var endpoint = await first.Client.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions
            {
                Url = receiver.UrlFor("/restart"),
                EnabledEvents = ["payment_link.created"],
            });
            secret = endpoint.Secret!;
            var price = await CreatePriceAsync(first.Client);
            for (var i = 0; i < 100; i++)
            {
                await CreateLinkAsync(first.Client, price, $"Link {i}");
            }

            await Eventually.WaitForAsync(() => receiver.Received.Count, n => n > 10, Within, "the receiver to start hanging");
            Assert.True(acknowledged.Count < 100, "deliveries must still be pending when the server is killed");
            await first.KillAsync();
        }

        receiverBack.SetResult();
        await using var second = await ServerProcess.StartAsync(settings);
        var events = await second.Client.Events.ListAsync(new EventListOptions { Type = "payment_link.created", PageSize = 100 });
        Assert.Equal(100, events.Count);
        var eventIds = events.List.Select(e => e.Id).ToHashSet();
        await Eventually.WaitForAsync(() => acknowledged.Keys.ToHashSet(), ids => ids.IsSupersetOf(eventIds), Within,
            $"every event to be delivered\n{second.Output}");

        Assert.Equal(eventIds, acknowledged.Keys.ToHashSet());
        var verifier = new StandardWebhook(secret);
        Assert.All(acknowledged.Values, d => verifier.Verify(d.Body, d.Headers));
    }

    [Fact]
    public async Task Two_instances_on_one_postgres_database_send_each_of_200_events_once_per_endpoint()
    {
        var settings = new Dictionary<string, string>
        {
            ["Paylink__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Paylink"] = await PostgresCluster.CreateDatabaseAsync(),
            ["Paylink__DataDir"] = dataDir,
            ["Paylink__Webhooks__PollInterval"] = "100ms",
            ["Paylink__Webhooks__RetryDelays"] = "200ms,200ms,200ms",
        };
        await using var one = await ServerProcess.StartAsync(settings);
        await using var two = await ServerProcess.StartAsync(settings);
        string[] paths = ["/first", "/second"];
        foreach (var path in paths)
        {
            await one.Client.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = receiver.UrlFor(path), EnabledEvents = ["payment_link.created"] });
        }

        var price = await CreatePriceAsync(one.Client);
        // Half the changes through each instance, four at a time, so both fan out and both send.
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => await CreateLinkAsync(i % 2 == 0 ? one.Client : two.Client, price, $"Link {i}"));

        var eventIds = await one.Client.Events.ListAutoPagingAsync(new EventListOptions { Type = "payment_link.created", PageSize = 100 })
            .Select(e => e.Id).ToHashSetAsync();
        Assert.Equal(200, eventIds.Count);
        foreach (var path in paths)
        {
            await Eventually.WaitForAsync(() => receiver.At(path).Select(d => d.WebhookId).ToHashSet(), ids => ids.SetEquals(eventIds), Within,
                $"all 200 events at {path}\n{one.Output}\n{two.Output}");
        }

        // Whatever either instance might still send would arrive within a few polls.
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var path in paths)
        {
            var received = receiver.At(path);
            Assert.Equal(200, received.Count);
            Assert.Equal(eventIds, received.Select(d => d.WebhookId).ToHashSet());
        }
    }

    private static async Task<string> CreatePriceAsync(PaymentClient client)
    {
        var product = await client.Products.CreateAsync(new ProductCreateOptions
        {
            Name = "Durable box",
            Prices = [new PriceCreateOptions { CurrencyId = "usd", UnitAmount = "3.00" }],
        });
        return product.Prices![0].Id;
    }

    private static Task<PaymentLink> CreateLinkAsync(PaymentClient client, string priceId, string name) =>
        client.PaymentLinks.CreateAsync(new PaymentLinkCreateOptions
        {
            Name = name,
            CurrencyId = "usd",
            LineItems = [new PaymentLinkLineItemOptions { PriceId = priceId, Quantity = 1 }],
        });
}
