using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;

namespace Paylink.Server.Features.PaymentLinks;

/// <summary>
/// The reads behind every retrieve of a link and every view of its payment page: the link, then its
/// prices with their products. On SQLite they run as prepared statements (see
/// <see cref="SqlitePreparedReads"/>), outside any write transaction; on PostgreSQL as EF queries.
/// </summary>
public static class LinkReads
{
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

        return db.FindBy<PaymentLinkRecord>((nameof(PaymentLinkRecord.Id), idOrLookupKey)) is { } byId && byId.Livemode == livemode
            ? byId
            : db.FindBy<PaymentLinkRecord>((nameof(PaymentLinkRecord.Livemode), livemode), (nameof(PaymentLinkRecord.LookupKey), idOrLookupKey));
    }

    /// <summary>The link with this id, in either mode (a payment page's address carries no mode).</summary>
    public static async Task<PaymentLinkRecord?> FindByIdAsync(PaylinkDbContext db, string id, CancellationToken cancellationToken) =>
        db.IsPostgres
            ? await db.PaymentLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken)
            : db.FindBy<PaymentLinkRecord>((nameof(PaymentLinkRecord.Id), id));

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
        var products = new Dictionary<string, ProductRecord?>(StringComparer.Ordinal);
        foreach (var id in wanted)
        {
            if (db.FindBy<PriceRecord>((nameof(PriceRecord.Id), id)) is not { } price)
            {
                continue;
            }

            if (!products.TryGetValue(price.ProductId, out var product))
            {
                product = db.FindBy<ProductRecord>((nameof(ProductRecord.Id), price.ProductId));
                products[price.ProductId] = product;
            }

            if (product is not null)
            {
                price.Product = product;
                prices[id] = price;
            }
        }

        return prices;
    }
}
