using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Paylink.Client;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Events;
using Paylink.Server.Infrastructure;
using Paylink.Server.Infrastructure.Auth;
using Paylink.Server.Infrastructure.Lists;

namespace Paylink.Server.Features.PaymentLinks;

public static class PaymentLinkEndpoints
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static void MapPaymentLinkEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/payment-links").WithTags("Payment links");
        group.MapPost("/", Create).WithName("CreatePaymentLink").WithSummary("Create a payment link.")
            .Accepts<PaymentLinkCreateOptions>("application/json");
        group.MapGet("/{id}", Retrieve).WithName("RetrievePaymentLink").Produces<PaymentLink>()
            .WithSummary("Retrieve a payment link by id or lookup_key, each line item with its price, product and currency.");
        group.MapPut("/{id}", Update).WithName("UpdatePaymentLink").WithSummary("Update a payment link (partial; metadata merges).")
            .Accepts<PaymentLinkUpdateOptions>("application/json");
        group.MapPut("/{id}/archive", Archive).WithName("ArchivePaymentLink").WithSummary("Archive a payment link (active: false). Takes no body.");
        group.MapGet("/", List).WithName("ListPaymentLinks").WithSummary("List payment links.");
    }

    private static async Task<Ok<PaymentLink>> Create(HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller,
        TimeProvider time, IOptions<PaylinkOptions> options, EventSignal signal, [FromServices] SqliteBatchWriter? writer)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var validation = new Validation();
        var draft = new PaymentLinkDraft();
        PaymentLinkInput.Apply(new JsonFields(body, "", validation), draft, create: true, currencies);
        var prices = validation.HasErrors ? [] : await PaymentLinkRules.CheckAsync(db, currencies, draft, null, lineItemsGiven: true, activeGiven: true,
            caller.Livemode, options.Value.TermsOfServiceUrl, validation, cancellationToken);
        validation.ThrowIfAny();

        var now = time.UtcNow();
        var link = new PaymentLinkRecord { Id = Ids.New("pl"), Livemode = caller.Livemode, Name = draft.Name, CurrencyId = draft.CurrencyId, CreatedAt = now, UpdatedAt = now };
        draft.CopyTo(link);

        // Everything that needs no database is done before the write queue: one writer at a time gets in.
        var wire = PaymentLinkMapping.ToWire(link, options.Value.BaseUrl(request), currencies);
        var created = EventLog.Create(EventType.PaymentLinkCreated, link.Livemode, wire, now);
        var productsToMark = ProductsToMark(prices);
        try
        {
            if (writer is not null)
            {
                // On SQLite the three writes join other creates' in one transaction (each in a savepoint of its own).
                await writer.RunAsync(w =>
                {
                    w.Insert(link);
                    w.Insert(created);
                    MarkProductsUsed(w, productsToMark);
                    Counters.Add(w, CountedResources.PaymentLink, link.Livemode, link.Active, 1);
                }, cancellationToken);
                signal.Notify();
            }
            else
            {
                await using var transaction = await db.BeginWriteAsync(cancellationToken);
                await db.InsertAsync([link, created], cancellationToken);
                db.EventsAdded = true;
                await MarkProductsUsedAsync(db, productsToMark, cancellationToken);
                await Counters.AddAsync(db, CountedResources.PaymentLink, link.Livemode, link.Active, 1, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw LookupKeyTaken();
        }

        return TypedResults.Ok(wire);
    }

    private static async Task<IResult> Retrieve(string id, HttpRequest request, LinkResponses kept, CurrencyCatalog currencies,
        Caller caller, IOptions<PaylinkOptions> options, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.BaseUrl(request);
        // Counted before the link is read: a write that lands meanwhile keeps this body from being kept.
        var writes = kept.Writes;
        if (kept.Find(caller.Livemode, id, baseUrl, writes) is { } body)
        {
            return TypedResults.Bytes(body, JsonContentType);
        }

        // Rented only now: a kept body needs no database context.
        var db = request.HttpContext.RequestServices.GetRequiredService<PaylinkDbContext>();
        var link = await LinkReads.FindAsync(db, id, caller.Livemode, cancellationToken)
            ?? throw ApiException.Missing("payment link", id);
        var draft = PaymentLinkDraft.From(link);
        var prices = await LinkReads.PricesAsync(db, draft.LineItems.Select(l => l.PriceId), cancellationToken);
        // Written the same way whether or not it is kept (on PostgreSQL nothing is).
        body = JsonSerializer.SerializeToUtf8Bytes(PaymentLinkMapping.ToWire(link, baseUrl, currencies, prices, draft), ServerJson.Options);
        kept.Keep(caller.Livemode, id, baseUrl, writes, body);
        return TypedResults.Bytes(body, JsonContentType);
    }

    private static async Task<Ok<PaymentLink>> Update(string id, HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies,
        Caller caller, TimeProvider time, IOptions<PaylinkOptions> options)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        // The link stays locked from read to commit, so concurrent updates (metadata merges) apply one after another.
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var link = await RowLocks.FindForUpdateAsync<PaymentLinkRecord>(db, id, caller.Livemode, cancellationToken)
            ?? throw ApiException.Missing("payment link", id);
        var validation = new Validation();
        var draft = PaymentLinkDraft.From(link);
        var fields = new JsonFields(body, "", validation);
        var lineItemsGiven = fields.Has("line_items");
        var activeGiven = fields.Has("active");
        PaymentLinkInput.Apply(fields, draft, create: false, currencies);
        var prices = validation.HasErrors ? [] : await PaymentLinkRules.CheckAsync(db, currencies, draft, link, lineItemsGiven, activeGiven,
            caller.Livemode, options.Value.TermsOfServiceUrl, validation, cancellationToken);
        validation.ThrowIfAny();

        var wasActive = link.Active;
        draft.CopyTo(link);
        link.UpdatedAt = time.UtcNow();
        link.Version++;
        await SaveAsync(db, cancellationToken);
        await MarkProductsUsedAsync(db, ProductsToMark(prices), cancellationToken);
        if (wasActive != link.Active)
        {
            await Counters.MoveAsync(db, CountedResources.PaymentLink, link.Livemode, link.Active, cancellationToken);
        }

        var wire = PaymentLinkMapping.ToWire(link, options.Value.BaseUrl(request), currencies);
        EventLog.Record(db, EventType.PaymentLinkUpdated, link.Livemode, wire, link.UpdatedAt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(wire);
    }

    private static async Task<Ok<PaymentLink>> Archive(string id, HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies,
        Caller caller, TimeProvider time, IOptions<PaylinkOptions> options)
    {
        await RequestBody.EnsureEmptyOrEmptyObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var link = await Find(db, id, caller, cancellationToken);
        if (link.Active)
        {
            await using var transaction = await db.BeginWriteAsync(cancellationToken);
            var now = time.UtcNow();
            // Guarded, so two archives at once move the counters once.
            var changed = await db.PaymentLinks.Where(l => l.Id == link.Id && l.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Active, false).SetProperty(l => l.UpdatedAt, now).SetProperty(l => l.Version, l => l.Version + 1), cancellationToken);
            db.ChangeTracker.Clear();
            link = await Find(db, id, caller, cancellationToken);
            if (changed == 1)
            {
                await Counters.MoveAsync(db, CountedResources.PaymentLink, link.Livemode, nowActive: false, cancellationToken);
                EventLog.Record(db, EventType.PaymentLinkUpdated, link.Livemode, PaymentLinkMapping.ToWire(link, options.Value.BaseUrl(request), currencies), now);
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(PaymentLinkMapping.ToWire(link, options.Value.BaseUrl(request), currencies));
    }

    private static async Task<Ok<PagedList<PaymentLink>>> List(HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies,
        Caller caller, IOptions<PaylinkOptions> options, CancellationToken cancellationToken)
    {
        var list = ListRequest.Parse(request.Query, ["created_at", "updated_at", "name"], ["active", "lookup_key", "q"]);
        var active = ListRequest.ReadBool(request.Query, "active");
        var lookupKey = ListRequest.NonEmpty(request.Query, "lookup_key");
        var q = ListRequest.NonEmpty(request.Query, "q");
        var inMode = db.PaymentLinks.AsNoTracking().Where(l => l.Livemode == caller.Livemode);
        var filtered = active is { } a ? inMode.Where(l => l.Active == a) : inMode;
        if (lookupKey is not null)
        {
            filtered = filtered.Where(l => l.LookupKey == lookupKey);
        }

        if (q is not null)
        {
            filtered = filtered.Where(l => l.Name.Contains(q));
        }

        var (items, hasMore) = await Keyset.PageAsync(filtered, inMode, list, cancellationToken);
        var count = lookupKey is null && q is null
            ? await Counters.GetAsync(db, CountedResources.PaymentLink, caller.Livemode, active, cancellationToken)
            : await filtered.LongCountAsync(cancellationToken);
        var baseUrl = options.Value.BaseUrl(request);
        return TypedResults.Ok(new PagedList<PaymentLink>
        {
            Count = count,
            List = items.Select(l => PaymentLinkMapping.ToWire(l, baseUrl, currencies)).ToList(),
            HasMore = hasMore,
            Paging = new Paging { Page = list.Cursor is null ? list.Page : 1, PageSize = list.PageSize },
        });
    }

    private static async Task<PaymentLinkRecord> Find(PaylinkDbContext db, string id, Caller caller, CancellationToken cancellationToken) =>
        await db.PaymentLinks.FirstOrDefaultAsync(l => l.Id == id && l.Livemode == caller.Livemode, cancellationToken)
        ?? throw ApiException.Missing("payment link", id);

    private static async Task SaveAsync(PaylinkDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw LookupKeyTaken();
        }
    }

    private static ApiException LookupKeyTaken() =>
        ApiException.Invalid("lookup_key", "Another payment link in this mode already has this lookup_key.", "lookup_key_taken");

    /// <summary>A product whose price a link uses can no longer be deleted (only archived). A product once used stays used, so one already marked needs no write.</summary>
    private static List<string> ProductsToMark(List<PriceRecord> prices) =>
        prices.Where(p => p.Product is not { Used: true }).Select(p => p.ProductId).Distinct().ToList();

    private static async Task MarkProductsUsedAsync(PaylinkDbContext db, List<string> productIds, CancellationToken cancellationToken)
    {
        if (productIds.Count > 0)
        {
            await db.Products.Where(p => productIds.Contains(p.Id) && !p.Used)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Used, true), cancellationToken);
        }
    }

    private static void MarkProductsUsed(SqliteBatchWriter.Statements w, List<string> productIds)
    {
        if (productIds.Count > 0)
        {
            w.Execute($"UPDATE products SET used = 1 WHERE used = 0 AND id IN ({string.Join(", ", productIds.Select((_, i) => "@p" + i))})", [.. productIds]);
        }
    }
}
