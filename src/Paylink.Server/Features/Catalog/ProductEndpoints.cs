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

public static class ProductEndpoints
{
    private const int MaxNestedPrices = 20;

    public static void MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/products").WithTags("Products");
        group.MapPost("/", Create).WithName("CreateProduct").WithSummary("Create a product, optionally with prices.")
            .Accepts<ProductCreateOptions>("application/json");
        group.MapGet("/{id}", Retrieve).WithName("RetrieveProduct").WithSummary("Retrieve a product with its prices.");
        group.MapPut("/{id}", Update).WithName("UpdateProduct").WithSummary("Update a product (partial).")
            .Accepts<ProductUpdateOptions>("application/json");
        group.MapPut("/{id}/archive", Archive).WithName("ArchiveProduct").WithSummary("Archive a product (active: false).");
        group.MapDelete("/{id}", Delete).WithName("DeleteProduct").WithSummary("Delete a product none of whose prices was ever used.");
        group.MapGet("/", List).WithName("ListProducts").WithSummary("List products.");
    }

    private static async Task<Ok<Product>> Create(HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, TimeProvider time)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var validation = new Validation();
        var f = new JsonFields(body, "", validation);
        var now = time.UtcNow();
        var product = new ProductRecord { Id = Ids.New("prod"), Livemode = caller.Livemode, Name = "", CreatedAt = now, UpdatedAt = now };
        ProductInput.Apply(f, product, create: true);
        product.MetadataJson = Metadata.ReadForCreate(f) ?? Metadata.Empty;
        f.Forbid("default_price_id", "default_price_id is set to the first of the prices created with the product.");
        var prices = new List<PriceRecord>();
        foreach (var (item, path) in f.Array("prices", 0, MaxNestedPrices) ?? [])
        {
            if (f.ItemObject(item, path) is { } priceFields && PriceInput.ReadCreate(priceFields, currencies, caller.Livemode, nested: true) is { } price)
            {
                prices.Add(price);
            }
        }

        f.RejectUnknown();
        validation.ThrowIfAny();

        var cancellationToken = request.HttpContext.RequestAborted;
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        await Counters.AddAsync(db, CountedResources.Product, product.Livemode, product.Active, 1, cancellationToken);
        await PriceStore.InsertAsync(db, prices, product, time, cancellationToken);
        var wire = ProductMapping.ToWire(product, prices.Select(p => PriceMapping.ToWire(p, currencies)).ToList());
        EventLog.Record(db, EventType.ProductCreated, product.Livemode, wire, now);
        foreach (var price in wire.Prices ?? [])
        {
            EventLog.Record(db, EventType.PriceCreated, product.Livemode, price, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(wire);
    }

    private static async Task<Ok<Product>> Retrieve(string id, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, CancellationToken cancellationToken)
    {
        var product = await Find(db, id, caller, cancellationToken);
        return TypedResults.Ok(await WithPricesAsync(db, product, currencies, cancellationToken));
    }

    private static async Task<Ok<Product>> Update(string id, HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, TimeProvider time)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var product = await Find(db, id, caller, cancellationToken);
        var wasActive = product.Active;
        var validation = new Validation();
        var f = new JsonFields(body, "", validation);
        ProductInput.Apply(f, product, create: false);
        if (Metadata.ReadForUpdate(f, product.MetadataJson) is { } metadata)
        {
            product.MetadataJson = metadata;
        }

        if (f.Has("default_price_id"))
        {
            var priceId = f.String("default_price_id", min: 1, max: 64);
            if (priceId is not null && !await db.Prices.AnyAsync(p => p.Id == priceId && p.ProductId == product.Id, cancellationToken))
            {
                validation.Add("default_price_id", $"default_price_id must be a price of this product: '{priceId}' is not.");
            }

            product.DefaultPriceId = priceId;
        }

        f.Forbid("prices", "Create further prices with POST /api/prices.");
        f.RejectUnknown();
        validation.ThrowIfAny();

        product.UpdatedAt = time.UtcNow();
        return TypedResults.Ok(await SaveAsync(db, product, wasActive, currencies, cancellationToken));
    }

    private static async Task<Ok<Product>> Archive(string id, HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, TimeProvider time)
    {
        await RequestBody.EnsureEmptyOrEmptyObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var product = await Find(db, id, caller, cancellationToken);
        if (product.Active)
        {
            product.Active = false;
            product.UpdatedAt = time.UtcNow();
            return TypedResults.Ok(await SaveAsync(db, product, wasActive: true, currencies, cancellationToken));
        }

        return TypedResults.Ok(await WithPricesAsync(db, product, currencies, cancellationToken));
    }

    private static async Task<Ok<DeletedObject>> Delete(string id, PaylinkDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var product = await Find(db, id, caller, cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        // Guarded: a link made from one of its prices a moment ago marks it used and wins.
        var deleted = await db.Products.Where(p => p.Id == product.Id && !p.Used).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw ApiException.Conflict("resource_in_use", "This product cannot be deleted: one of its prices was used in a payment link or checkout session. Archive it instead.");
        }

        // Product counters before price counters, in the order a product create takes them (no deadlock between the two).
        await Counters.AddAsync(db, CountedResources.Product, product.Livemode, product.Active, -1, cancellationToken);
        var prices = await db.Prices.Where(p => p.ProductId == product.Id).Select(p => p.Active).ToListAsync(cancellationToken);
        await db.Prices.Where(p => p.ProductId == product.Id).ExecuteDeleteAsync(cancellationToken);
        foreach (var active in prices)
        {
            await Counters.AddAsync(db, CountedResources.Price, product.Livemode, active, -1, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new DeletedObject { Id = product.Id, Object = "product", Deleted = true });
    }

    private static async Task<Ok<PagedList<Product>>> List(HttpRequest request, PaylinkDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var list = ListRequest.Parse(request.Query, ["created_at", "updated_at", "name"], ["active", "q"]);
        var active = ListRequest.ReadBool(request.Query, "active");
        var q = ListRequest.NonEmpty(request.Query, "q");
        var inMode = db.Products.AsNoTracking().Where(p => p.Livemode == caller.Livemode);
        var filtered = active is { } a ? inMode.Where(p => p.Active == a) : inMode;
        if (q is not null)
        {
            filtered = filtered.Where(p => p.Name.Contains(q));
        }

        var (items, hasMore) = await Keyset.PageAsync(filtered, inMode, list, cancellationToken);
        var count = q is null
            ? await Counters.GetAsync(db, CountedResources.Product, caller.Livemode, active, cancellationToken)
            : await filtered.LongCountAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<Product>
        {
            Count = count,
            List = items.Select(p => ProductMapping.ToWire(p)).ToList(),
            HasMore = hasMore,
            Paging = new Paging { Page = list.Cursor is null ? list.Page : 1, PageSize = list.PageSize },
        });
    }

    /// <summary>Saves a changed product with its counters and its <c>product.updated</c> event; returns it as the API shows it.</summary>
    private static async Task<Product> SaveAsync(PaylinkDbContext db, ProductRecord product, bool wasActive, CurrencyCatalog currencies, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (wasActive != product.Active)
        {
            await Counters.MoveAsync(db, CountedResources.Product, product.Livemode, product.Active, cancellationToken);
        }

        var wire = await WithPricesAsync(db, product, currencies, cancellationToken);
        EventLog.Record(db, EventType.ProductUpdated, product.Livemode, wire, product.UpdatedAt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return wire;
    }

    private static async Task<Product> WithPricesAsync(PaylinkDbContext db, ProductRecord product, CurrencyCatalog currencies, CancellationToken cancellationToken)
    {
        var prices = await db.Prices.AsNoTracking().Where(p => p.ProductId == product.Id)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        return ProductMapping.ToWire(product, prices.Select(p => PriceMapping.ToWire(p, currencies)).ToList());
    }

    private static async Task<ProductRecord> Find(PaylinkDbContext db, string id, Caller caller, CancellationToken cancellationToken) =>
        await db.Products.FirstOrDefaultAsync(p => p.Id == id && p.Livemode == caller.Livemode, cancellationToken)
        ?? throw ApiException.Missing("product", id);
}
