namespace Paylink.Client;

/// <summary>Promotion codes: what customers type on the payment page to get a coupon (<c>/api/promotion-codes</c>).</summary>
public sealed class PromotionCodeService : PaylinkService<PromotionCode>
{
    internal PromotionCodeService(ApiRequester requester)
        : base(requester, "api/promotion-codes")
    {
    }

    /// <summary>Creates a promotion code for a coupon; the server makes up the code when <c>Code</c> is not set.</summary>
    /// <param name="options">The code: <c>CouponId</c>, and optionally the code, limits and restrictions.</param>
    /// <param name="requestOptions">Per-call key or idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the code (for example <c>promotion_code_taken</c>) or could not be reached.</exception>
    public Task<PromotionCode> CreateAsync(PromotionCodeCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        CreateObjectAsync(options, requestOptions, cancellationToken);

    /// <summary>Retrieves a promotion code with its coupon.</summary>
    /// <param name="id">The code's id (<c>promo_…</c>).</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 when no promotion code in this mode has that id.</exception>
    public Task<PromotionCode> RetrieveAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        RetrieveObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Switches a code on or off, or changes its limits, restrictions or metadata (which merges).</summary>
    /// <param name="id">The code's id.</param>
    /// <param name="options">The changes; unassigned properties are not sent, properties assigned null clear the field.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the change or could not be reached.</exception>
    public Task<PromotionCode> UpdateAsync(string id, PromotionCodeUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateObjectAsync(id, options, requestOptions, cancellationToken);

    /// <summary>Lists one page of promotion codes.</summary>
    /// <param name="options">Filters, paging and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the parameters or could not be reached.</exception>
    public Task<PagedList<PromotionCode>> ListAsync(PromotionCodeListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAsync(options, requestOptions, cancellationToken);

    /// <summary>Yields every promotion code matching the filters, page after page.</summary>
    /// <param name="options">Filters, page size and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<PromotionCode> ListAutoPagingAsync(PromotionCodeListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAutoPagingAsync(options, requestOptions, cancellationToken);
}

/// <summary>Filters of <see cref="PromotionCodeService.ListAsync"/>.</summary>
public sealed class PromotionCodeListOptions : ListOptions
{
    /// <summary>Only active (true) or only inactive (false) codes.</summary>
    public bool? Active { get; set; }

    /// <summary>Only codes with this spelling, in any letter case.</summary>
    public string? Code { get; set; }

    /// <summary>Only the codes of this coupon.</summary>
    public string? CouponId { get; set; }

    private protected override void AddFilters(List<KeyValuePair<string, string>> query)
    {
        Add(query, "active", Active);
        Add(query, "code", Code);
        Add(query, "coupon_id", CouponId);
    }
}
