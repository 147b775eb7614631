using Microsoft.EntityFrameworkCore;
using Paylink.Client;

namespace Paylink.Server.Infrastructure.Lists;

public static class ListPage
{
    /// <summary>One page of a list call: the keyset page, the count (a counter, or a scan when <paramref name="count"/> is null), the envelope.</summary>
    public static async Task<PagedList<TWire>> BuildAsync<TRecord, TWire>(IQueryable<TRecord> filtered, IQueryable<TRecord> inMode,
        ListRequest list, Func<TRecord, TWire> map, CancellationToken cancellationToken, Func<Task<long>>? count = null)
        where TRecord : class
    {
        var (items, hasMore) = await Keyset.PageAsync(filtered, inMode, list, cancellationToken);
        return new PagedList<TWire>
        {
            Count = count is null ? await filtered.LongCountAsync(cancellationToken) : await count(),
            List = items.Select(map).ToList(),
            HasMore = hasMore,
            Paging = new Paging { Page = list.Cursor is null ? list.Page : 1, PageSize = list.PageSize },
        };
    }
}
