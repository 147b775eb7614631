using System.Runtime.CompilerServices;

namespace Paylink.Client;

/// <summary>
/// The calls every resource shares — create, retrieve, update, archive, delete, list and the walk over
/// every page — against one base path such as <c>api/payment-links</c>. A resource's service exposes
/// the ones its API has, with its own option types.
/// </summary>
/// <typeparam name="T">The resource's wire type.</typeparam>
public abstract class PaylinkService<T>
    where T : class, IHasId
{
    private readonly ApiRequester requester;
    private readonly string basePath;

    private protected PaylinkService(ApiRequester requester, string basePath)
    {
        this.requester = requester;
        this.basePath = basePath;
    }

    private protected Task<T> CreateObjectAsync(object options, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        requester.SendAsync<T>(HttpMethod.Post, basePath, options ?? throw new ArgumentNullException(nameof(options)), null, requestOptions, cancellationToken);

    private protected Task<T> RetrieveObjectAsync(string id, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        requester.SendAsync<T>(HttpMethod.Get, PathOf(id), null, null, requestOptions, cancellationToken);

    private protected Task<T> UpdateObjectAsync(string id, object options, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        requester.SendAsync<T>(HttpMethod.Put, PathOf(id), options ?? throw new ArgumentNullException(nameof(options)), null, requestOptions, cancellationToken);

    private protected Task<T> ArchiveObjectAsync(string id, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        requester.SendAsync<T>(HttpMethod.Put, PathOf(id) + "/archive", null, null, requestOptions, cancellationToken);

    /// <summary>A state change with no body, such as <c>PUT /{id}/expire</c>.</summary>
    private protected Task<T> PutActionAsync(string id, string action, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        requester.SendAsync<T>(HttpMethod.Put, PathOf(id) + "/" + action, null, null, requestOptions, cancellationToken);

    private protected Task<DeletedObject> DeleteObjectAsync(string id, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        requester.SendAsync<DeletedObject>(HttpMethod.Delete, PathOf(id), null, null, requestOptions, cancellationToken);

    private protected Task<PagedList<T>> ListObjectsAsync(ListOptions? options, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        requester.SendAsync<PagedList<T>>(HttpMethod.Get, basePath, null, options?.ToQuery(), requestOptions, cancellationToken);

    /// <summary>
    /// Walks page after page with cursors. Forward from <see cref="ListOptions.StartingAfter"/> (or the start);
    /// with <see cref="ListOptions.EndingBefore"/> it walks backwards, yielding each page last item first,
    /// so items come out moving away from the cursor.
    /// </summary>
    private protected async IAsyncEnumerable<T> ListObjectsAutoPagingAsync(ListOptions? options, RequestOptions? requestOptions,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        options ??= new ListOptions();
        var backwards = options.EndingBefore is not null;
        var current = options;
        while (true)
        {
            var page = await ListObjectsAsync(current, requestOptions, cancellationToken);
            var items = backwards ? Enumerable.Reverse(page.List) : page.List;
            foreach (var item in items)
            {
                yield return item;
            }

            if (!page.HasMore || page.List.Count == 0)
            {
                yield break;
            }

            current = backwards ? options.AtCursor(null, page.List[0].Id) : options.AtCursor(page.List[^1].Id, null);
        }
    }

    /// <summary>Sends a call the shared ones do not cover, such as a sub-resource list or an action.</summary>
    private protected Task<TResult> SendAsync<TResult>(HttpMethod method, string path, object? body, ListOptions? options,
        RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        requester.SendAsync<TResult>(method, path, body, options?.ToQuery(), requestOptions, cancellationToken);

    private protected string PathOf(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return basePath + "/" + Uri.EscapeDataString(id);
    }
}
