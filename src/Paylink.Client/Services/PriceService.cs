namespace Paylink.Client;

/// <summary>Prices: how much a product costs in one currency (<c>/api/prices</c>).</summary>
public sealed class PriceService : PaylinkService<Price>
{
    internal PriceService(ApiRequester requester)
        : base(requester, "api/prices")
    {
    }

    /// <summary>Creates a price for a product. Its amount, currency and type never change afterwards.</summary>
    /// <param name="options">The price: <c>ProductId</c>, <c>CurrencyId</c> and <c>UnitAmount</c> (or <c>CustomUnitAmount</c>).</param>
    /// <param name="requestOptions">Per-call key or idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the price or could not be reached.</exception>
    public Task<Price> CreateAsync(PriceCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        CreateObjectAsync(options, requestOptions, cancellationToken);

    /// <summary>Retrieves a price with its product and currency.</summary>
    /// <param name="id">The price's id (<c>price_…</c>).</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 when no price in this mode has that id.</exception>
    public Task<Price> RetrieveAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        RetrieveObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Changes a price's nickname, lookup key, stock, active flag or metadata (which merges).</summary>
    /// <param name="id">The price's id.</param>
    /// <param name="options">The changes; unassigned properties are not sent, properties assigned null clear the field.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the change or could not be reached.</exception>
    public Task<Price> UpdateAsync(string id, PriceUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateObjectAsync(id, options, requestOptions, cancellationToken);

    /// <summary>Archives a price (<c>active</c> false): new links and sessions can no longer use it.</summary>
    /// <param name="id">The price's id.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 when no price in this mode has that id.</exception>
    public Task<Price> ArchiveAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ArchiveObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Lists one page of prices.</summary>
    /// <param name="options">Filters, paging and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the parameters or could not be reached.</exception>
    public Task<PagedList<Price>> ListAsync(PriceListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAsync(options, requestOptions, cancellationToken);

    /// <summary>Yields every price matching the filters, page after page.</summary>
    /// <param name="options">Filters, page size and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<Price> ListAutoPagingAsync(PriceListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAutoPagingAsync(options, requestOptions, cancellationToken);
}

/// <summary>Filters of <see cref="PriceService.ListAsync"/>.</summary>
public sealed class PriceListOptions : ListOptions
{
    /// <summary>Only active (true) or only archived (false) prices.</summary>
    public bool? Active { get; set; }

    /// <summary>Only the prices of this product.</summary>
    public string? ProductId { get; set; }

    /// <summary>Only prices in this currency.</summary>
    public string? CurrencyId { get; set; }

    /// <summary>Only the price with this lookup key.</summary>
    public string? LookupKey { get; set; }

    private protected override void AddFilters(List<KeyValuePair<string, string>> query)
    {
        Add(query, "active", Active);
        Add(query, "product_id", ProductId);
        Add(query, "currency_id", CurrencyId);
        Add(query, "lookup_key", LookupKey);
    }
}
