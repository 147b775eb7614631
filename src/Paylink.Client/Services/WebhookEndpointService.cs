namespace Paylink.Client;

/// <summary>
/// Webhook endpoints (<c>/api/webhook-endpoints</c>): URLs that receive this mode's events, signed by the
/// Standard Webhooks scheme. Check each delivery with <see cref="WebhookVerifier"/> and the endpoint's secret.
/// </summary>
public sealed class WebhookEndpointService : PaylinkService<WebhookEndpoint>
{
    internal WebhookEndpointService(ApiRequester requester)
        : base(requester, "api/webhook-endpoints")
    {
    }

    /// <summary>Creates an endpoint. The answer's <see cref="WebhookEndpoint.Secret"/> is shown this once: store it.</summary>
    /// <param name="options">At least the URL; <c>EnabledEvents</c> defaults to every event.</param>
    /// <param name="requestOptions">Per-call key or idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the endpoint (for example a URL it may not target) or could not be reached.</exception>
    public Task<WebhookEndpoint> CreateAsync(WebhookEndpointCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        CreateObjectAsync(options, requestOptions, cancellationToken);

    /// <summary>Retrieves an endpoint (without its secret).</summary>
    /// <param name="id">The endpoint's id (<c>we_…</c>).</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 when no endpoint in this mode has that id.</exception>
    public Task<WebhookEndpoint> RetrieveAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        RetrieveObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Changes the fields assigned in <paramref name="options"/>; metadata merges.</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="options">The changes; unassigned properties are not sent.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the change or could not be reached.</exception>
    public Task<WebhookEndpoint> UpdateAsync(string id, WebhookEndpointUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateObjectAsync(id, options, requestOptions, cancellationToken);

    /// <summary>Deletes an endpoint; deliveries still owed to it are dropped.</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 when no endpoint in this mode has that id.</exception>
    public Task<DeletedObject> DeleteAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        DeleteObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Lists one page of endpoints.</summary>
    /// <param name="options">Filters, paging and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the parameters or could not be reached.</exception>
    public Task<PagedList<WebhookEndpoint>> ListAsync(WebhookEndpointListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAsync(options, requestOptions, cancellationToken);

    /// <summary>Yields every endpoint matching the filters, page after page.</summary>
    /// <param name="options">Filters, page size and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<WebhookEndpoint> ListAutoPagingAsync(WebhookEndpointListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAutoPagingAsync(options, requestOptions, cancellationToken);

    /// <summary>Lists one page of the delivery attempts to an endpoint, newest first.</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="options">Filter by event, paging.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 when no endpoint in this mode has that id.</exception>
    public Task<PagedList<WebhookAttempt>> ListAttemptsAsync(string id, WebhookAttemptListOptions? options = null, RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<PagedList<WebhookAttempt>>(HttpMethod.Get, PathOf(id) + "/attempts", null, options, requestOptions, cancellationToken);
}

/// <summary>Filters of <see cref="WebhookEndpointService.ListAsync"/>.</summary>
public sealed class WebhookEndpointListOptions : ListOptions
{
    /// <summary>Only <c>enabled</c> or only <c>disabled</c> endpoints.</summary>
    public string? Status { get; set; }

    private protected override void AddFilters(List<KeyValuePair<string, string>> query) => Add(query, "status", Status);
}

/// <summary>Filters of <see cref="WebhookEndpointService.ListAttemptsAsync"/>.</summary>
public sealed class WebhookAttemptListOptions : ListOptions
{
    /// <summary>Only the attempts to deliver this event.</summary>
    public string? EventId { get; set; }

    private protected override void AddFilters(List<KeyValuePair<string, string>> query) => Add(query, "event_id", EventId);
}
