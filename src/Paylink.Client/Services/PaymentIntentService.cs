namespace Paylink.Client;

/// <summary>Payment intents: the charges of checkout sessions (<c>/api/payment-intents</c>).</summary>
public sealed class PaymentIntentService : PaylinkService<PaymentIntent>
{
    internal PaymentIntentService(ApiRequester requester)
        : base(requester, "api/payment-intents")
    {
    }

    /// <summary>Retrieves a payment intent.</summary>
    /// <param name="id">The intent's id (<c>pi_…</c>).</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 when no intent in this mode has that id.</exception>
    public Task<PaymentIntent> RetrieveAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        RetrieveObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Lists one page of payment intents, newest first.</summary>
    /// <param name="options">Filters, paging and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the parameters or could not be reached.</exception>
    public Task<PagedList<PaymentIntent>> ListAsync(PaymentIntentListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAsync(options, requestOptions, cancellationToken);

    /// <summary>Yields every payment intent matching the filters, page after page.</summary>
    /// <param name="options">Filters, page size and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<PaymentIntent> ListAutoPagingAsync(PaymentIntentListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAutoPagingAsync(options, requestOptions, cancellationToken);
}

/// <summary>Filters of <see cref="PaymentIntentService.ListAsync"/>.</summary>
public sealed class PaymentIntentListOptions : ListOptions
{
    /// <summary><c>requires_payment_method</c>, <c>processing</c>, <c>succeeded</c> or <c>canceled</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Only intents of this customer.</summary>
    public string? CustomerId { get; set; }

    /// <summary>Only the intent of this session.</summary>
    public string? CheckoutSessionId { get; set; }

    private protected override void AddFilters(List<KeyValuePair<string, string>> query)
    {
        Add(query, "status", Status);
        Add(query, "customer_id", CustomerId);
        Add(query, "checkout_session_id", CheckoutSessionId);
    }
}
