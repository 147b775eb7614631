namespace Paylink.Client;

/// <summary>
/// The entry point of the Paylink API: one property per resource.
/// <code>
/// var payment = new PaymentClient(new PaymentClientOptions { BaseUrl = new Uri("http://127.0.0.1:5080"), ApiKey = "sk_test_…" });
/// PaymentLink link = await payment.PaymentLinks.RetrieveAsync("pl_…");
/// </code>
/// A client is safe to share between threads; keep one for the life of your program (or register it
/// with <see cref="PaylinkServiceCollectionExtensions.AddPaylinkClient"/>).
/// </summary>
public sealed class PaymentClient : IDisposable
{
    private readonly HttpClient? ownedHttpClient;

    /// <summary>Creates a client with an <see cref="HttpClient"/> of its own, disposed with the client.</summary>
    /// <param name="options">Server address, key and retry settings; copied, so later changes have no effect.</param>
    public PaymentClient(PaymentClientOptions options)
        : this(options, null)
    {
    }

    /// <summary>Creates a client that sends through <paramref name="httpClient"/>, which it does not dispose.</summary>
    /// <param name="options">Server address, key and retry settings; copied, so later changes have no effect.</param>
    /// <param name="httpClient">
    /// The <see cref="HttpClient"/> to use (from <c>IHttpClientFactory</c>, a test server, or your own handlers);
    /// null to make one. Its <see cref="HttpClient.BaseAddress"/> is used when <see cref="PaymentClientOptions.BaseUrl"/> is null.
    /// </param>
    public PaymentClient(PaymentClientOptions options, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Snapshot();
        if (httpClient is null)
        {
            // Our own per-attempt timeout applies; the HttpClient's must not cut it short.
            ownedHttpClient = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            httpClient = ownedHttpClient;
        }

        var requester = new ApiRequester(httpClient, settings);
        PaymentLinks = new PaymentLinkService(requester);
        Products = new ProductService(requester);
        Prices = new PriceService(requester);
        PaymentCurrencies = new PaymentCurrencyService(requester);
        CheckoutSessions = new CheckoutSessionService(requester);
        PaymentIntents = new PaymentIntentService(requester);
        Customers = new CustomerService(requester);
        WebhookEndpoints = new WebhookEndpointService(requester);
        Events = new EventService(requester);
        Coupons = new CouponService(requester);
        PromotionCodes = new PromotionCodeService(requester);
    }

    /// <summary>Payment links: create, retrieve, update, archive, list.</summary>
    public PaymentLinkService PaymentLinks { get; }

    /// <summary>Products: create (with prices), retrieve, update, archive, delete, list.</summary>
    public ProductService Products { get; }

    /// <summary>Prices: create, retrieve, update, archive, list.</summary>
    public PriceService Prices { get; }

    /// <summary>The currencies payments can be taken in: retrieve, list.</summary>
    public PaymentCurrencyService PaymentCurrencies { get; }

    /// <summary>Checkout sessions: create, retrieve, expire, list.</summary>
    public CheckoutSessionService CheckoutSessions { get; }

    /// <summary>Payment intents (the charges of sessions): retrieve, list.</summary>
    public PaymentIntentService PaymentIntents { get; }

    /// <summary>Customers: retrieve, update, list.</summary>
    public CustomerService Customers { get; }

    /// <summary>Webhook endpoints: create (the only call that shows the secret), retrieve, update, delete, list, and their delivery attempts.</summary>
    public WebhookEndpointService WebhookEndpoints { get; }

    /// <summary>Events (what webhooks deliver): retrieve, list, and send one again.</summary>
    public EventService Events { get; }
    /// <summary>Coupons: create, retrieve, update, list.</summary>
    public CouponService Coupons { get; }

    /// <summary>Promotion codes: create, retrieve, update, list.</summary>
    public PromotionCodeService PromotionCodes { get; }

    /// <summary>Disposes the <see cref="HttpClient"/> the client made for itself, if it made one.</summary>
    public void Dispose() => ownedHttpClient?.Dispose();
}
