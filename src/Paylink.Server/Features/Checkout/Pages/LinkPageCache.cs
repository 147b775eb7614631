using System.Collections.Concurrent;
using Paylink.Data;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// Payment pages as last rendered, by address and language, on SQLite: a plain view of a link's page
/// (no prefilled fields, no client reference) is served from here, with fresh tokens, for as long as no
/// write has been committed since it was rendered (<see cref="SqliteCommitCounter"/>, the same rule as
/// the kept link rows) — a sale, a price change or any other write renders it anew. On PostgreSQL,
/// where other instances write too, every view is rendered.
/// </summary>
public sealed class LinkPageCache(string? sqliteDatabase)
{
    private const int MaxPages = 1024;
    private readonly ConcurrentDictionary<(string Path, string Locale), Page> _pages = new();
    private int _added;

    public sealed record Page(long Writes, PageTemplate Template, string LinkId, int Version);

    /// <summary>The count of finished writes to render under (read it before reading anything the page shows), or null when pages are not kept.</summary>
    public long? Writes => sqliteDatabase is null ? null : SqliteCommitCounter.Current(sqliteDatabase);

    public Page? Find(string path, string locale, long? writes) =>
        writes is { } count && _pages.TryGetValue((path, locale), out var page) && page.Writes == count ? page : null;

    public void Keep(string path, string locale, long? writes, PageTemplate template, string linkId, int version)
    {
        if (writes is not { } count)
        {
            return;
        }

        if (Interlocked.Increment(ref _added) > MaxPages)
        {
            Interlocked.Exchange(ref _added, 0);
            _pages.Clear();
        }

        _pages[(path, locale)] = new Page(count, template, linkId, version);
    }

    /// <summary>A view the kept page fits: nothing in the address but, at most, the language.</summary>
    public static bool IsPlainView(IQueryCollection query) => query.Count == 0 || (query.Count == 1 && query.ContainsKey("locale"));
}
