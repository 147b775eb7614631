namespace Paylink.Client;

/// <summary>Coupons: a percentage or a fixed amount off an order, reached through promotion codes (<c>/api/coupons</c>).</summary>
public sealed class CouponService : PaylinkService<Coupon>
{
    internal CouponService(ApiRequester requester)
        : base(requester, "api/coupons")
    {
    }

    /// <summary>Creates a coupon. What it takes off never changes afterwards.</summary>
    /// <param name="options">The coupon: <c>PercentOff</c>, or <c>AmountOff</c> with <c>CurrencyId</c>.</param>
    /// <param name="requestOptions">Per-call key or idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the coupon or could not be reached.</exception>
    public Task<Coupon> CreateAsync(CouponCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        CreateObjectAsync(options, requestOptions, cancellationToken);

    /// <summary>Retrieves a coupon.</summary>
    /// <param name="id">The coupon's id (<c>coupon_…</c>).</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 when no coupon in this mode has that id.</exception>
    public Task<Coupon> RetrieveAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        RetrieveObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Changes a coupon's name, redemption limit, end or metadata (which merges).</summary>
    /// <param name="id">The coupon's id.</param>
    /// <param name="options">The changes; unassigned properties are not sent, properties assigned null clear the field.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the change or could not be reached.</exception>
    public Task<Coupon> UpdateAsync(string id, CouponUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateObjectAsync(id, options, requestOptions, cancellationToken);

    /// <summary>Lists one page of coupons.</summary>
    /// <param name="options">Paging and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the parameters or could not be reached.</exception>
    public Task<PagedList<Coupon>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAsync(options, requestOptions, cancellationToken);

    /// <summary>Yields every coupon, page after page.</summary>
    /// <param name="options">Page size and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<Coupon> ListAutoPagingAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAutoPagingAsync(options, requestOptions, cancellationToken);
}
