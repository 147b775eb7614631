using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Catalog;

/// <summary>Writes of prices, each with its counters, inside the caller's transaction.</summary>
public static class PriceStore
{
    /// <summary>Inserts new prices of <paramref name="product"/>; the first becomes its default price if it has none.</summary>
    public static async Task InsertAsync(PaylinkDbContext db, IReadOnlyList<PriceRecord> prices, ProductRecord product, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await db.BeginWriteAsync(cancellationToken) : null;
        for (var i = 0; i < prices.Count; i++)
        {
            var price = prices[i];
            price.ProductId = product.Id;
            price.Livemode = product.Livemode;
            // One millisecond apart, so lists and the product's retrieve keep the order they were sent in
            // (with equal instants the random ids would decide).
            price.CreatedAt = price.UpdatedAt = now.AddMilliseconds(i);
            db.Prices.Add(price);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw LookupKeyTaken();
        }

        foreach (var price in prices)
        {
            await Counters.AddAsync(db, CountedResources.Price, price.Livemode, price.Active, 1, cancellationToken);
        }

        if (product.DefaultPriceId is null && prices.Count > 0)
        {
            var first = prices[0].Id;
            await db.Products.Where(p => p.Id == product.Id && p.DefaultPriceId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DefaultPriceId, first), cancellationToken);
            product.DefaultPriceId = first;
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Saves a changed price and moves it between the active and inactive counts if that changed.</summary>
    public static async Task SaveAsync(PaylinkDbContext db, PriceRecord price, bool wasActive, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw LookupKeyTaken();
        }

        if (wasActive != price.Active)
        {
            await Counters.MoveAsync(db, CountedResources.Price, price.Livemode, price.Active, cancellationToken);
        }
    }

    private static ApiException LookupKeyTaken() =>
        ApiException.Invalid("lookup_key", "Another active price in this mode already has this lookup_key.", "lookup_key_taken");
}
