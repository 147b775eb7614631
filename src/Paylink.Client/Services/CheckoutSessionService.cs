namespace Paylink.Client;

/// <summary>Checkout sessions: one customer's attempt to pay (<c>/api/checkout-sessions</c>).</summary>
public sealed class CheckoutSessionService : PaylinkService<CheckoutSession>
{
    internal CheckoutSessionService(ApiRequester requester)
        : base(requester, "api/checkout-sessions")
    {
    }

    /// <summary>Creates a session; send the customer to its <see cref="CheckoutSession.Url"/>.</summary>
    /// <param name="options">At least <c>LineItems</c>.</param>
    /// <param name="requestOptions">Per-call key or idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the session or could not be reached.</exception>
    public Task<CheckoutSession> CreateAsync(CheckoutSessionCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        CreateObjectAsync(options, requestOptions, cancellationToken);

    /// <summary>Retrieves a session.</summary>
    /// <param name="id">The session's id (<c>cs_…</c>).</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 when no session in this mode has that id.</exception>
    public Task<CheckoutSession> RetrieveAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        RetrieveObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Expires an open session whose payment is not under way; anything it held is released.</summary>
    /// <param name="id">The session's id.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">409 <c>session_not_open</c> when it is complete, expired or being paid.</exception>
    public Task<CheckoutSession> ExpireAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PutActionAsync(id, "expire", requestOptions, cancellationToken);

    /// <summary>Lists one page of sessions, newest first.</summary>
    /// <param name="options">Filters, paging and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the parameters or could not be reached.</exception>
    public Task<PagedList<CheckoutSession>> ListAsync(CheckoutSessionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAsync(options, requestOptions, cancellationToken);

    /// <summary>Yields every session matching the filters, page after page.</summary>
    /// <param name="options">Filters, page size and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<CheckoutSession> ListAutoPagingAsync(CheckoutSessionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAutoPagingAsync(options, requestOptions, cancellationToken);
}

/// <summary>Filters of <see cref="CheckoutSessionService.ListAsync"/>.</summary>
public sealed class CheckoutSessionListOptions : ListOptions
{
    /// <summary><c>open</c>, <c>complete</c> or <c>expired</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Only sessions of this payment link.</summary>
    public string? PaymentLinkId { get; set; }

    /// <summary>Only sessions of this customer.</summary>
    public string? CustomerId { get; set; }

    private protected override void AddFilters(List<KeyValuePair<string, string>> query)
    {
        Add(query, "status", Status);
        Add(query, "payment_link_id", PaymentLinkId);
        Add(query, "customer_id", CustomerId);
    }
}
