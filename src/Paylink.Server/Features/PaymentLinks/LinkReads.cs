using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.PaymentLinks;

/// <summary>
/// The reads behind every retrieve of a link and every view of its payment page: the link, then its
/// prices with their products. On SQLite they run as prepared statements (see
/// <see cref="SqlitePreparedReads"/>), outside any write transaction, and the rows read are kept in
/// memory for as long as no write has been committed since (<see cref="SqliteCommitCounter"/>): a link
/// that is being paid for or polled is read once, not on every view. On PostgreSQL, where other
/// instances write too, they are EF queries every time. Kept rows are shared: callers only read them.
/// </summary>
public static class LinkReads
{
    private const int MaxKeptRows = 4096;
    private static readonly ConcurrentDictionary<string, KeptUntilWrite<string, object>> Kept = new(StringComparer.Ordinal);

    /// <summary>The link of one mode with this id or, when none has it, with this lookup_key.</summary>
    public static async Task<PaymentLinkRecord?> FindAsync(PaylinkDbContext db, string idOrLookupKey, bool livemode, CancellationToken cancellationToken)
    {
        if (db.IsPostgres)
        {
            return await db.PaymentLinks.AsNoTracking()
                .Where(l => l.Livemode == livemode && (l.Id == idOrLookupKey || l.LookupKey == idOrLookupKey))
                .OrderBy(l => l.Id == idOrLookupKey ? 0 : 1)
                .FirstOrDefaultAsync(cancellationToken);
        }

        return Keep(db, "link:" + idOrLookupKey, () => db.FindBy<PaymentLinkRecord>((nameof(PaymentLinkRecord.Id), idOrLookupKey))) is { } byId && byId.Livemode == livemode
            ? byId
            : Keep(db, (livemode ? "link_key:live:" : "link_key:test:") + idOrLookupKey,
                () => db.FindBy<PaymentLinkRecord>((nameof(PaymentLinkRecord.Livemode), livemode), (nameof(PaymentLinkRecord.LookupKey), idOrLookupKey)));
    }

    /// <summary>The link with this id, in either mode (a payment page's address carries no mode).</summary>
    public static async Task<PaymentLinkRecord?> FindByIdAsync(PaylinkDbContext db, string id, CancellationToken cancellationToken) =>
        db.IsPostgres
            ? await db.PaymentLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken)
            : Keep(db, "link:" + id, () => db.FindBy<PaymentLinkRecord>((nameof(PaymentLinkRecord.Id), id)));

    /// <summary>The prices with these ids, each with its product, by id; a price whose product is gone is left out.</summary>
    public static async Task<Dictionary<string, PriceRecord>> PricesAsync(PaylinkDbContext db, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        if (db.IsPostgres)
        {
            return await db.Prices.AsNoTracking().Include(p => p.Product)
                .Where(p => wanted.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, cancellationToken);
        }

        var prices = new Dictionary<string, PriceRecord>(StringComparer.Ordinal);
        foreach (var id in wanted)
        {
            // Kept with its product: any write (to either) makes both stale together.
            var price = Keep(db, "price:" + id, () =>
            {
                var read = db.FindBy<PriceRecord>((nameof(PriceRecord.Id), id));
                if (read is not null)
                {
                    read.Product = db.FindBy<ProductRecord>((nameof(ProductRecord.Id), read.ProductId));
                }

                return read;
            });
            if (price?.Product is not null)
            {
                prices[id] = price;
            }
        }

        return prices;
    }

    /// <summary>The row kept for this key if no write has been committed since it was read; else read (and kept) now.</summary>
    private static T? Keep<T>(PaylinkDbContext db, string key, Func<T?> read) where T : class
    {
        var database = db.Database.GetConnectionString() ?? "";
        var kept = Kept.GetOrAdd(database, d => new KeptUntilWrite<string, object>(d, MaxKeptRows));
        // Counted before reading: a write that commits during the read makes this copy stale at once.
        var writes = kept.Writes;
        if (kept.TryFind(key, writes, out var row))
        {
            return (T)row;
        }

        var fresh = read();
        if (fresh is not null)
        {
            kept.Keep(key, writes, fresh);
        }

        return fresh;
    }
}
