using Microsoft.AspNetCore.Hosting;
using Paylink.Client;
using Paylink.Testing;

namespace Paylink.Webhooks.Tests;

/// <summary>
/// The browser tests' real server (Kestrel, SQLite, Chromium) with a live key too, a short poll and short
/// retry delays, and private targets allowed: the receiver listens on 127.0.0.1.
/// </summary>
public sealed class WebhookServer : CheckoutServer
{
    public const string LiveKey = "sk_live_webhooks000000000000000000000000000";

    /// <summary>Four retries, so a delivery gives up after five failed attempts.</summary>
    public const int Retries = 4;

    public bool AllowPrivateTargets { get; init; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Paylink:SecretKeys:Live", LiveKey);
        builder.UseSetting("Paylink:Webhooks:PollInterval", "100ms");
        builder.UseSetting("Paylink:Webhooks:RetryDelays", "200ms,200ms,200ms,200ms");
        builder.UseSetting("Paylink:Webhooks:Timeout", "5s");
        builder.UseSetting("Paylink:Webhooks:AllowPrivateTargets", AllowPrivateTargets ? "true" : "false");
    }
}

/// <summary>A <see cref="WebhookServer"/>, a receiver, and SDK clients for both modes, shared by a test class.</summary>
public class WebhookFixture : IAsyncLifetime
{
    public WebhookFixture()
        : this(allowPrivateTargets: true)
    {
    }

    protected WebhookFixture(bool allowPrivateTargets) => Server = new WebhookServer { AllowPrivateTargets = allowPrivateTargets };

    public WebhookServer Server { get; }
    public Receiver Receiver { get; private set; } = default!;
    public PaymentClient Test { get; private set; } = default!;
    public PaymentClient Live { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Server).InitializeAsync();
        Receiver = await Receiver.StartAsync();
        Test = new PaymentClient(new PaymentClientOptions { BaseUrl = Server.BaseAddress, ApiKey = CheckoutServer.TestKey });
        Live = new PaymentClient(new PaymentClientOptions { BaseUrl = Server.BaseAddress, ApiKey = WebhookServer.LiveKey });
    }

    public async Task DisposeAsync()
    {
        Test.Dispose();
        Live.Dispose();
        await Receiver.DisposeAsync();
        await ((IAsyncLifetime)Server).DisposeAsync();
    }

    /// <summary>A test-mode endpoint at its own path on the receiver.</summary>
    public Task<WebhookEndpoint> CreateEndpointAsync(string path, params string[] events) =>
        Test.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = Receiver.UrlFor(path), EnabledEvents = [.. events] });

    /// <summary>A product with one price and a payment link selling it, through the SDK.</summary>
    public async Task<PaymentLink> CreateLinkAsync(string name = "Webhook test link")
    {
        var product = await Test.Products.CreateAsync(new ProductCreateOptions
        {
            Name = "Tea box",
            Prices = [new PriceCreateOptions { CurrencyId = "usd", UnitAmount = "12.00" }],
        });
        return await Test.PaymentLinks.CreateAsync(new PaymentLinkCreateOptions
        {
            Name = name,
            CurrencyId = "usd",
            LineItems = [new PaymentLinkLineItemOptions { PriceId = product.Prices![0].Id, Quantity = 1 }],
        });
    }
}
