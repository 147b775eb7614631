namespace Paylink.Client;

/// <summary>Products: what a merchant sells (<c>/api/products</c>).</summary>
public sealed class ProductService : PaylinkService<Product>
{
    internal ProductService(ApiRequester requester)
        : base(requester, "api/products")
    {
    }

    /// <summary>Creates a product, optionally with prices in the same transaction (the first becomes its default price).</summary>
    /// <param name="options">The product: at least <c>Name</c>.</param>
    /// <param name="requestOptions">Per-call key or idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the product or could not be reached.</exception>
    public Task<Product> CreateAsync(ProductCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        CreateObjectAsync(options, requestOptions, cancellationToken);

    /// <summary>Retrieves a product with its prices.</summary>
    /// <param name="id">The product's id (<c>prod_…</c>).</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 when no product in this mode has that id.</exception>
    public Task<Product> RetrieveAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        RetrieveObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Changes the fields assigned in <paramref name="options"/>; metadata merges.</summary>
    /// <param name="id">The product's id.</param>
    /// <param name="options">The changes; unassigned properties are not sent, properties assigned null clear the field.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the change or could not be reached.</exception>
    public Task<Product> UpdateAsync(string id, ProductUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateObjectAsync(id, options, requestOptions, cancellationToken);

    /// <summary>Archives a product (<c>active</c> false).</summary>
    /// <param name="id">The product's id.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 when no product in this mode has that id.</exception>
    public Task<Product> ArchiveAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ArchiveObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Deletes a product none of whose prices was ever used in a payment link or session.</summary>
    /// <param name="id">The product's id.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">409 when a price of it was used (archive it instead); 404 when unknown.</exception>
    public Task<DeletedObject> DeleteAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        DeleteObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Lists one page of products.</summary>
    /// <param name="options">Filters, paging and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the parameters or could not be reached.</exception>
    public Task<PagedList<Product>> ListAsync(ProductListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAsync(options, requestOptions, cancellationToken);

    /// <summary>Yields every product matching the filters, page after page.</summary>
    /// <param name="options">Filters, page size and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<Product> ListAutoPagingAsync(ProductListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAutoPagingAsync(options, requestOptions, cancellationToken);
}

/// <summary>Filters of <see cref="ProductService.ListAsync"/>.</summary>
public sealed class ProductListOptions : ListOptions
{
    /// <summary>Only active (true) or only archived (false) products.</summary>
    public bool? Active { get; set; }

    /// <summary>Only products whose name contains this text.</summary>
    public string? Q { get; set; }

    private protected override void AddFilters(List<KeyValuePair<string, string>> query)
    {
        Add(query, "active", Active);
        Add(query, "q", Q);
    }
}
