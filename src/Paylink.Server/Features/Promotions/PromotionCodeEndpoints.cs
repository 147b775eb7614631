using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Paylink.Client;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Events;
using Paylink.Server.Infrastructure;
using Paylink.Server.Infrastructure.Auth;
using Paylink.Server.Infrastructure.Lists;

namespace Paylink.Server.Features.Promotions;

/// <summary>Promotion codes: what customers type to get a coupon. Create, retrieve, update (active, limits, restrictions, metadata), list.</summary>
public static class PromotionCodeEndpoints
{
    public static void MapPromotionCodeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/promotion-codes").WithTags("Promotion codes");
        group.MapPost("/", Create).WithName("CreatePromotionCode").WithSummary("Create a promotion code for a coupon.")
            .Accepts<PromotionCodeCreateOptions>("application/json");
        group.MapGet("/{id}", Retrieve).WithName("RetrievePromotionCode").WithSummary("Retrieve a promotion code, with its coupon.");
        group.MapPut("/{id}", Update).WithName("UpdatePromotionCode").WithSummary("Update a promotion code's active flag, limits, restrictions or metadata.")
            .Accepts<PromotionCodeUpdateOptions>("application/json");
        group.MapGet("/", List).WithName("ListPromotionCodes").WithSummary("List promotion codes (filters active, code, coupon_id).");
    }

    private static async Task<Ok<PromotionCode>> Create(HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, TimeProvider time)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var now = time.UtcNow();
        var validation = new Validation();
        var f = new JsonFields(body, "", validation);
        var couponId = f.String("coupon_id", required: true, min: 1, max: 64);
        var coupon = couponId is null ? null
            : await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == couponId && c.Livemode == caller.Livemode, cancellationToken);
        if (couponId is not null && coupon is null)
        {
            validation.Add("coupon_id", $"No such coupon: '{couponId}'.", "resource_missing");
        }

        var typed = PromotionCodeInput.ReadCode(f);
        var code = new PromotionCodeRecord
        {
            Id = Ids.New("promo"),
            Livemode = caller.Livemode,
            Code = typed ?? PromotionCodeInput.GenerateCode(),
            CodeKey = "",
            CouponId = couponId ?? "",
            Active = f.Bool("active") ?? true,
            MaxRedemptions = f.Integer("max_redemptions", 1, Money.MaxTotal),
            ExpiresAt = PromotionCodeInput.ReadExpiresAt(f, coupon, now),
            MetadataJson = Metadata.ReadForCreate(f) ?? Metadata.Empty,
            CreatedAt = now,
            UpdatedAt = now,
        };
        PromotionCodeInput.ReadRestrictions(f, code, coupon, currencies);
        f.Unsupported("customer");
        f.Forbid("times_redeemed", "times_redeemed is read-only.");
        f.RejectUnknown();
        validation.ThrowIfAny();

        // A generated code may, rarely, meet an active one of the same spelling: draw again.
        for (var attempt = 1; ; attempt++)
        {
            code.CodeKey = PromotionCheck.Key(code.Code);
            try
            {
                await InsertAsync(db, code, coupon!, currencies, now, cancellationToken);
                break;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                if (typed is not null || attempt == 5)
                {
                    throw PromotionCodeInput.CodeTaken();
                }

                code.Code = PromotionCodeInput.GenerateCode();
            }
        }

        code.Coupon = coupon;
        return TypedResults.Ok(PromotionMapping.ToWire(code, currencies, now));
    }

    private static async Task InsertAsync(PaylinkDbContext db, PromotionCodeRecord code, CouponRecord coupon, CurrencyCatalog currencies, DateTime now,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        db.PromotionCodes.Add(code);
        await db.SaveChangesAsync(cancellationToken);
        await Counters.AddAsync(db, CountedResources.PromotionCode, code.Livemode, code.Active, 1, cancellationToken);
        var wire = PromotionMapping.ToWire(code, currencies, now);
        wire.Coupon = PromotionMapping.ToWire(coupon, currencies, now);
        EventLog.Record(db, EventType.PromotionCodeCreated, code.Livemode, wire, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<Ok<PromotionCode>> Retrieve(string id, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, TimeProvider time,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(PromotionMapping.ToWire(await FindAsync(db, id, caller, cancellationToken), currencies, time.UtcNow()));

    private static async Task<Ok<PromotionCode>> Update(string id, HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, TimeProvider time)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var now = time.UtcNow();
        var code = await FindAsync(db, id, caller, cancellationToken);
        var validation = new Validation();
        var f = new JsonFields(body, "", validation);
        f.Forbid("code", "code cannot change; create a new promotion code instead.", "parameter_immutable");
        f.Forbid("coupon_id", "coupon_id cannot change; create a new promotion code instead.", "parameter_immutable");
        f.Forbid("times_redeemed", "times_redeemed is read-only.");
        var wasActive = code.Active;
        if (f.Has("active"))
        {
            code.Active = f.Bool("active") ?? true;
        }

        if (f.Has("expires_at"))
        {
            code.ExpiresAt = PromotionCodeInput.ReadExpiresAt(f, code.Coupon, now);
        }

        if (f.Has("restrictions"))
        {
            PromotionCodeInput.ReadRestrictions(f, code, code.Coupon, currencies);
        }

        var maxGiven = f.Has("max_redemptions");
        var max = f.Integer("max_redemptions", 1, Money.MaxTotal);
        if (Metadata.ReadForUpdate(f, code.MetadataJson) is { } metadata)
        {
            code.MetadataJson = metadata;
        }

        f.RejectUnknown();
        validation.ThrowIfAny();

        code.UpdatedAt = now;
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        if (maxGiven)
        {
            // Guarded: never below what customers redeemed or are redeeming right now.
            var changed = await db.PromotionCodes.Where(p => p.Id == code.Id && (max == null || p.TimesRedeemed + p.RedemptionsReserved <= max))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.MaxRedemptions, max), cancellationToken);
            if (changed == 0)
            {
                throw ApiException.Invalid("max_redemptions", "max_redemptions cannot be less than the redemptions already made or being made.");
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw PromotionCodeInput.CodeTaken();
        }

        if (wasActive != code.Active)
        {
            await Counters.MoveAsync(db, CountedResources.PromotionCode, code.Livemode, code.Active, cancellationToken);
        }

        db.ChangeTracker.Clear();
        var updated = await FindAsync(db, id, caller, cancellationToken);
        var wire = PromotionMapping.ToWire(updated, currencies, now);
        EventLog.Record(db, EventType.PromotionCodeUpdated, updated.Livemode, wire, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(wire);
    }

    private static async Task<Ok<PagedList<PromotionCode>>> List(HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var list = ListRequest.Parse(request.Query, ["created_at", "updated_at"], ["active", "code", "coupon_id"]);
        var active = ListRequest.ReadBool(request.Query, "active");
        var code = ListRequest.NonEmpty(request.Query, "code") is { } typed ? PromotionCheck.Key(typed) : null;
        var couponId = ListRequest.NonEmpty(request.Query, "coupon_id");
        var inMode = db.PromotionCodes.AsNoTracking().Include(p => p.Coupon).Where(p => p.Livemode == caller.Livemode);
        var filtered = active is { } a ? inMode.Where(p => p.Active == a) : inMode;
        if (code is not null)
        {
            filtered = filtered.Where(p => p.CodeKey == code);
        }

        if (couponId is not null)
        {
            filtered = filtered.Where(p => p.CouponId == couponId);
        }

        var now = time.UtcNow();
        Func<Task<long>>? count = code is null && couponId is null ? () => Counters.GetAsync(db, CountedResources.PromotionCode, caller.Livemode, active, cancellationToken) : null;
        return TypedResults.Ok(await ListPage.BuildAsync(filtered, inMode, list, p => PromotionMapping.ToWire(p, currencies, now), cancellationToken, count));
    }

    private static async Task<PromotionCodeRecord> FindAsync(PaylinkDbContext db, string id, Caller caller, CancellationToken cancellationToken) =>
        await db.PromotionCodes.Include(p => p.Coupon).FirstOrDefaultAsync(p => p.Id == id && p.Livemode == caller.Livemode, cancellationToken)
        ?? throw ApiException.Missing("promotion code", id);
}
