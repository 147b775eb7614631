namespace Paylink.Client;

/// <summary>Payment links: shareable URLs that open a hosted payment page (<c>/api/payment-links</c>).</summary>
public sealed class PaymentLinkService : PaylinkService<PaymentLink>
{
    internal PaymentLinkService(ApiRequester requester)
        : base(requester, "api/payment-links")
    {
    }

    /// <summary>Creates a payment link. Its line items come back as price ids.</summary>
    /// <param name="options">The link: at least <c>Name</c>, <c>CurrencyId</c> and <c>LineItems</c>.</param>
    /// <param name="requestOptions">Per-call key or idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the link or could not be reached.</exception>
    public Task<PaymentLink> CreateAsync(PaymentLinkCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        CreateObjectAsync(options, requestOptions, cancellationToken);

    /// <summary>Retrieves a payment link by id or lookup key; each line item carries its price, with product and currency.</summary>
    /// <param name="id">The link's id (<c>pl_…</c>) or its <c>lookup_key</c>.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 <c>resource_missing</c> when no link in this mode has that id.</exception>
    public Task<PaymentLink> RetrieveAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        RetrieveObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Changes the fields assigned in <paramref name="options"/>; metadata merges. Returns the whole updated link.</summary>
    /// <param name="id">The link's id.</param>
    /// <param name="options">The changes; unassigned properties are not sent, properties assigned null reset the field.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the change or could not be reached.</exception>
    public Task<PaymentLink> UpdateAsync(string id, PaymentLinkUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateObjectAsync(id, options, requestOptions, cancellationToken);

    /// <summary>Archives a payment link: it stays retrievable but takes no payments (<c>active</c> false). Archiving twice is fine.</summary>
    /// <param name="id">The link's id.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 when no link in this mode has that id.</exception>
    public Task<PaymentLink> ArchiveAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ArchiveObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Lists one page of payment links, newest first unless <see cref="ListOptions.Order"/> says otherwise.</summary>
    /// <param name="options">Filters, paging and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the parameters or could not be reached.</exception>
    public Task<PagedList<PaymentLink>> ListAsync(PaymentLinkListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAsync(options, requestOptions, cancellationToken);

    /// <summary>Yields every payment link matching the filters, fetching page after page with cursors as you go.</summary>
    /// <param name="options">Filters, page size and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<PaymentLink> ListAutoPagingAsync(PaymentLinkListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAutoPagingAsync(options, requestOptions, cancellationToken);
}

/// <summary>Filters of <see cref="PaymentLinkService.ListAsync"/>.</summary>
public sealed class PaymentLinkListOptions : ListOptions
{
    /// <summary>Only active (true) or only inactive (false) links.</summary>
    public bool? Active { get; set; }

    /// <summary>Only the link with this lookup key.</summary>
    public string? LookupKey { get; set; }

    /// <summary>Only links whose name contains this text.</summary>
    public string? Q { get; set; }

    private protected override void AddFilters(List<KeyValuePair<string, string>> query)
    {
        Add(query, "active", Active);
        Add(query, "lookup_key", LookupKey);
        Add(query, "q", Q);
    }
}
