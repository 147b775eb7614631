using Paylink.Data;
using Paylink.Server.Infrastructure;

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
    private readonly KeptUntilWrite<(string Path, string Locale), Page> _pages = new(sqliteDatabase, capacity: 1024);

    public sealed record Page(PageTemplate Template, string LinkId, int Version);

    /// <summary>The count of finished writes to render under (read it before reading anything the page shows), or null when pages are not kept.</summary>
    public long? Writes => _pages.Writes;

    public Page? Find(string path, string locale, long? writes) => _pages.TryFind((path, locale), writes, out var page) ? page : null;

    public void Keep(string path, string locale, long? writes, PageTemplate template, string linkId, int version) =>
        _pages.Keep((path, locale), writes, new Page(template, linkId, version));

    /// <summary>A view the kept page fits: nothing in the address but, at most, the language.</summary>
    public static bool IsPlainView(IQueryCollection query) => query.Count == 0 || (query.Count == 1 && query.ContainsKey("locale"));
}
