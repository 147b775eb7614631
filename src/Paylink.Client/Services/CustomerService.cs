namespace Paylink.Client;

/// <summary>Customers: people who paid (<c>/api/customers</c>).</summary>
public sealed class CustomerService : PaylinkService<Customer>
{
    internal CustomerService(ApiRequester requester)
        : base(requester, "api/customers")
    {
    }

    /// <summary>Retrieves a customer.</summary>
    /// <param name="id">The customer's id (<c>cus_…</c>).</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 when no customer in this mode has that id.</exception>
    public Task<Customer> RetrieveAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        RetrieveObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Changes the fields assigned in <paramref name="options"/>; metadata merges.</summary>
    /// <param name="id">The customer's id.</param>
    /// <param name="options">The changes.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the change or could not be reached.</exception>
    public Task<Customer> UpdateAsync(string id, CustomerUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateObjectAsync(id, options, requestOptions, cancellationToken);

    /// <summary>Lists one page of customers, newest first.</summary>
    /// <param name="options">Filters, paging and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the parameters or could not be reached.</exception>
    public Task<PagedList<Customer>> ListAsync(CustomerListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAsync(options, requestOptions, cancellationToken);

    /// <summary>Yields every customer matching the filters, page after page.</summary>
    /// <param name="options">Filters, page size and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<Customer> ListAutoPagingAsync(CustomerListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAutoPagingAsync(options, requestOptions, cancellationToken);
}

/// <summary>Filters of <see cref="CustomerService.ListAsync"/>.</summary>
public sealed class CustomerListOptions : ListOptions
{
    /// <summary>Only the customer with this email (case-insensitive).</summary>
    public string? Email { get; set; }

    private protected override void AddFilters(List<KeyValuePair<string, string>> query) => Add(query, "email", Email);
}
