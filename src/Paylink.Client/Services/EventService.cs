namespace Paylink.Client;

/// <summary>Events (<c>/api/events</c>): what happened to this mode's objects, newest first; what webhooks deliver.</summary>
public sealed class EventService : PaylinkService<Event>
{
    internal EventService(ApiRequester requester)
        : base(requester, "api/events")
    {
    }

    /// <summary>Retrieves an event.</summary>
    /// <param name="id">The event's id (<c>evt_…</c>), which is also a delivery's <c>webhook-id</c>.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 when no event in this mode has that id.</exception>
    public Task<Event> RetrieveAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        RetrieveObjectAsync(id, requestOptions, cancellationToken);

    /// <summary>Lists one page of events.</summary>
    /// <param name="options">Filter by type, paging.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">The server refused the parameters or could not be reached.</exception>
    public Task<PagedList<Event>> ListAsync(EventListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAsync(options, requestOptions, cancellationToken);

    /// <summary>Yields every event matching the filters, page after page.</summary>
    /// <param name="options">Filter by type, page size and order.</param>
    /// <param name="requestOptions">Per-call key.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<Event> ListAutoPagingAsync(EventListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ListObjectsAutoPagingAsync(options, requestOptions, cancellationToken);

    /// <summary>Sends an event again, now: to one endpoint, or to every enabled endpoint of the mode that listens for its type.</summary>
    /// <param name="id">The event's id.</param>
    /// <param name="options">Which endpoint; null for all that listen.</param>
    /// <param name="requestOptions">Per-call key or idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaylinkException">404 for an unknown event; 400 when no enabled endpoint would receive it.</exception>
    public Task<Event> RetryAsync(string id, EventRetryOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        SendAsync<Event>(HttpMethod.Post, PathOf(id) + "/retry", options ?? new EventRetryOptions(), null, requestOptions, cancellationToken);
}

/// <summary>Filters of <see cref="EventService.ListAsync"/>.</summary>
public sealed class EventListOptions : ListOptions
{
    /// <summary>Only events of this type, for example <c>checkout.session.completed</c>.</summary>
    public string? Type { get; set; }

    private protected override void AddFilters(List<KeyValuePair<string, string>> query) => Add(query, "type", Type);
}
