namespace Paylink.Client;

/// <summary>The currencies payments can be taken in (<c>/api/payment-currencies</c>); read-only.</summary>
public sealed class PaymentCurrencyService : PaylinkService<PaymentCurrency>
{
    internal PaymentCurrencyService(ApiRequester requester)
        : base(requester, "api/payment-currencies")
    {
    }

    /// <summary>Retrieves a currency by its ISO 4217 code.</summary>
    /// <param name="id">A code such as <c>usd</c> or <c>jpy</c>.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 for an unknown code.</exception>
    public Task<PaymentCurrency> RetrieveAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        RetrieveObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Lists one page of currencies.</summary>
    /// <param name="options">Filters, paging and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the parameters or could not be reached.</exception>
    public Task<PagedList<PaymentCurrency>> ListAsync(PaymentCurrencyListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAsync(options, requestOptions, cancellationToken);

    /// <summary>Yields every currency matching the filters, page after page.</summary>
    /// <param name="options">Filters, page size and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<PaymentCurrency> ListAutoPagingAsync(PaymentCurrencyListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAutoPagingAsync(options, requestOptions, cancellationToken);
}

/// <summary>Filters of <see cref="PaymentCurrencyService.ListAsync"/>.</summary>
public sealed class PaymentCurrencyListOptions : ListOptions
{
    /// <summary>Only usable (true) or only disabled (false) currencies.</summary>
    public bool? Active { get; set; }

    private protected override void AddFilters(List<KeyValuePair<string, string>> query) => Add(query, "active", Active);
}
