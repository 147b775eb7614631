using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Paylink.Client;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Events;
using Paylink.Server.Infrastructure;
using Paylink.Server.Infrastructure.Auth;
using Paylink.Server.Infrastructure.Lists;

namespace Paylink.Server.Features.Catalog;

public static class PriceEndpoints
{
    public static void MapPriceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/prices").WithTags("Prices");
        group.MapPost("/", Create).WithName("CreatePrice").WithSummary("Create a price for a product.")
            .Accepts<PriceCreateOptions>("application/json");
        group.MapGet("/{id}", Retrieve).WithName("RetrievePrice").WithSummary("Retrieve a price, with its product and currency.");
        group.MapPut("/{id}", Update).WithName("UpdatePrice").WithSummary("Update a price's nickname, lookup key, metadata, active flag or stock.")
            .Accepts<PriceUpdateOptions>("application/json");
        group.MapPut("/{id}/archive", Archive).WithName("ArchivePrice").WithSummary("Archive a price (active: false).");
        group.MapGet("/", List).WithName("ListPrices").WithSummary("List prices.");
    }

    private static async Task<Ok<Price>> Create(HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, TimeProvider time)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var validation = new Validation();
        var price = PriceInput.ReadCreate(new JsonFields(body, "", validation), currencies, caller.Livemode, nested: false)!;
        validation.ThrowIfAny();

        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == price.ProductId && p.Livemode == caller.Livemode, request.HttpContext.RequestAborted)
            ?? throw ApiException.Invalid("product_id", $"No such product: '{price.ProductId}'.", "resource_missing");
        var cancellationToken = request.HttpContext.RequestAborted;
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        await PriceStore.InsertAsync(db, [price], product, time, cancellationToken);
        var wire = PriceMapping.ToWire(price, currencies);
        EventLog.Record(db, EventType.PriceCreated, price.Livemode, wire, price.CreatedAt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(wire);
    }

    private static async Task<Ok<Price>> Retrieve(string id, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, CancellationToken cancellationToken)
    {
        var price = await Find(db, id, caller, cancellationToken);
        return TypedResults.Ok(PriceMapping.ToWire(price, currencies, price.Product, expandCurrency: true));
    }

    private static async Task<Ok<Price>> Update(string id, HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, TimeProvider time)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var price = await Find(db, id, caller, cancellationToken);
        var validation = new Validation();
        var f = new JsonFields(body, "", validation);
        foreach (var immutable in new[] { "unit_amount", "custom_unit_amount", "currency_id", "type", "product_id" })
        {
            f.Forbid(immutable, $"{immutable} cannot change after a price is created (so no customer pays an amount the page did not show); create a new price instead.", "parameter_immutable");
        }

        f.Forbid("quantity_sold", "quantity_sold is read-only.");
        if (f.Has("nickname"))
        {
            price.Nickname = f.String("nickname", max: 255);
        }

        if (f.Has("lookup_key"))
        {
            price.LookupKey = f.String("lookup_key", min: 1, max: PriceInput.MaxLookupKey);
        }

        var wasActive = price.Active;
        if (f.Bool("active") is { } active)
        {
            price.Active = active;
        }

        var quantityChanged = f.Has("quantity_available");
        var quantity = f.Integer("quantity_available", 0, Money.MaxTotal);
        if (Metadata.ReadForUpdate(f, price.MetadataJson) is { } metadata)
        {
            price.MetadataJson = metadata;
        }

        f.RejectUnknown();
        validation.ThrowIfAny();

        price.UpdatedAt = time.UtcNow();
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        if (quantityChanged)
        {
            // Guarded: never below what is sold or held by customers paying right now.
            var changed = await db.Prices
                .Where(p => p.Id == price.Id && (quantity == null || p.QuantitySold + p.QuantityReserved <= quantity))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.QuantityAvailable, quantity), cancellationToken);
            if (changed == 0)
            {
                throw ApiException.Invalid("quantity_available", "quantity_available cannot be less than the units already sold or reserved.");
            }

            // Already written by the guarded update: record it as the stored value, so the save leaves it be
            // (marking it unmodified instead would put the old value back into the answer).
            var stored = db.Entry(price).Property(p => p.QuantityAvailable);
            stored.OriginalValue = quantity;
            stored.CurrentValue = quantity;
        }

        await PriceStore.SaveAsync(db, price, wasActive, cancellationToken);
        // Detached first, so nothing saves the entity again; then the quantity the guarded update
        // wrote is set for the answer and the event (marking the property unmodified instead would
        // have put the old value back in the entity).
        db.Entry(price).State = EntityState.Detached;
        if (quantityChanged)
        {
            price.QuantityAvailable = quantity;
        }

        var wire = PriceMapping.ToWire(price, currencies);
        EventLog.Record(db, EventType.PriceUpdated, price.Livemode, wire, price.UpdatedAt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(wire);
    }

    private static async Task<Ok<Price>> Archive(string id, HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, TimeProvider time)
    {
        await RequestBody.EnsureEmptyOrEmptyObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var price = await Find(db, id, caller, cancellationToken);
        if (price.Active)
        {
            price.Active = false;
            price.UpdatedAt = time.UtcNow();
            await using var transaction = await db.BeginWriteAsync(cancellationToken);
            await PriceStore.SaveAsync(db, price, wasActive: true, cancellationToken);
            EventLog.Record(db, EventType.PriceUpdated, price.Livemode, PriceMapping.ToWire(price, currencies), price.UpdatedAt);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(PriceMapping.ToWire(price, currencies));
    }

    private static async Task<Ok<PagedList<Price>>> List(HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, CancellationToken cancellationToken)
    {
        var list = ListRequest.Parse(request.Query, ["created_at", "updated_at"], ["active", "product_id", "currency_id", "lookup_key"]);
        var active = ListRequest.ReadBool(request.Query, "active");
        var productId = ListRequest.NonEmpty(request.Query, "product_id");
        var currencyId = ListRequest.NonEmpty(request.Query, "currency_id")?.ToLowerInvariant();
        var lookupKey = ListRequest.NonEmpty(request.Query, "lookup_key");

        var inMode = db.Prices.AsNoTracking().Where(p => p.Livemode == caller.Livemode);
        var filtered = inMode;
        if (active is { } a)
        {
            filtered = filtered.Where(p => p.Active == a);
        }

        if (productId is not null)
        {
            filtered = filtered.Where(p => p.ProductId == productId);
        }

        if (currencyId is not null)
        {
            filtered = filtered.Where(p => p.CurrencyId == currencyId);
        }

        if (lookupKey is not null)
        {
            filtered = filtered.Where(p => p.LookupKey == lookupKey);
        }

        var (items, hasMore) = await Keyset.PageAsync(filtered, inMode, list, cancellationToken);
        var count = productId is null && currencyId is null && lookupKey is null
            ? await Counters.GetAsync(db, CountedResources.Price, caller.Livemode, active, cancellationToken)
            : await filtered.LongCountAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<Price>
        {
            Count = count,
            List = items.Select(p => PriceMapping.ToWire(p, currencies)).ToList(),
            HasMore = hasMore,
            Paging = new Paging { Page = list.Cursor is null ? list.Page : 1, PageSize = list.PageSize },
        });
    }

    private static async Task<PriceRecord> Find(PaylinkDbContext db, string id, Caller caller, CancellationToken cancellationToken) =>
        await db.Prices.Include(p => p.Product).FirstOrDefaultAsync(p => p.Id == id && p.Livemode == caller.Livemode, cancellationToken)
        ?? throw ApiException.Missing("price", id);
}
