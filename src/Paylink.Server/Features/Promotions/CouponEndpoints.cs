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

/// <summary>Coupons: what a promotion code takes off. Create, retrieve, update (name, limits, metadata), list.</summary>
public static class CouponEndpoints
{
    public static void MapCouponEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coupons").WithTags("Coupons");
        group.MapPost("/", Create).WithName("CreateCoupon").WithSummary("Create a coupon: percent_off, or amount_off in a currency.")
            .Accepts<CouponCreateOptions>("application/json");
        group.MapGet("/{id}", Retrieve).WithName("RetrieveCoupon").WithSummary("Retrieve a coupon.");
        group.MapPut("/{id}", Update).WithName("UpdateCoupon").WithSummary("Update a coupon's name, max_redemptions, redeem_by or metadata.")
            .Accepts<CouponUpdateOptions>("application/json");
        group.MapGet("/", List).WithName("ListCoupons").WithSummary("List coupons.");
    }

    private static async Task<Ok<Coupon>> Create(HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, TimeProvider time)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var now = time.UtcNow();
        var validation = new Validation();
        var coupon = await CouponInput.ReadCreateAsync(new JsonFields(body, "", validation), db, currencies, caller.Livemode, now, cancellationToken);
        validation.ThrowIfAny();

        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        db.Coupons.Add(coupon);
        await db.SaveChangesAsync(cancellationToken);
        await Counters.AddAsync(db, CountedResources.Coupon, coupon.Livemode, active: true, 1, cancellationToken);
        var wire = PromotionMapping.ToWire(coupon, currencies, now);
        EventLog.Record(db, EventType.CouponCreated, coupon.Livemode, wire, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(wire);
    }

    private static async Task<Ok<Coupon>> Retrieve(string id, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, TimeProvider time,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(PromotionMapping.ToWire(await FindAsync(db, id, caller, cancellationToken), currencies, time.UtcNow()));

    private static async Task<Ok<Coupon>> Update(string id, HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller, TimeProvider time)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var coupon = await FindAsync(db, id, caller, cancellationToken);
        var validation = new Validation();
        var f = new JsonFields(body, "", validation);
        foreach (var immutable in new[] { "percent_off", "amount_off", "currency_id", "duration", "applies_to" })
        {
            f.Forbid(immutable, $"{immutable} cannot change after a coupon is created (a customer may be looking at its discount); create a new coupon instead.", "parameter_immutable");
        }

        f.Forbid("times_redeemed", "times_redeemed is read-only.");
        f.Forbid("valid", "valid is read-only: it follows redeem_by and max_redemptions.");
        if (f.Has("name"))
        {
            coupon.Name = f.String("name", min: 1, max: 255);
        }

        if (f.Has("redeem_by"))
        {
            coupon.RedeemBy = f.Integer("redeem_by", 1, CouponInput.MaxUnixSeconds) is { } seconds ? PromotionMapping.FromUnixSeconds(seconds) : null;
        }

        var maxGiven = f.Has("max_redemptions");
        var max = f.Integer("max_redemptions", 1, Money.MaxTotal);
        if (Metadata.ReadForUpdate(f, coupon.MetadataJson) is { } metadata)
        {
            coupon.MetadataJson = metadata;
        }

        f.RejectUnknown();
        validation.ThrowIfAny();

        var now = time.UtcNow();
        coupon.UpdatedAt = now;
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        if (maxGiven)
        {
            // Guarded: never below what customers redeemed or are redeeming right now.
            var changed = await db.Coupons.Where(c => c.Id == coupon.Id && (max == null || c.TimesRedeemed + c.RedemptionsReserved <= max))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.MaxRedemptions, max), cancellationToken);
            if (changed == 0)
            {
                throw ApiException.Invalid("max_redemptions", "max_redemptions cannot be less than the redemptions already made or being made.");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return TypedResults.Ok(PromotionMapping.ToWire(await FindAsync(db, id, caller, cancellationToken), currencies, now));
    }

    private static async Task<Ok<PagedList<Coupon>>> List(HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var list = ListRequest.Parse(request.Query, ["created_at", "updated_at"], []);
        var inMode = db.Coupons.AsNoTracking().Where(c => c.Livemode == caller.Livemode);
        var now = time.UtcNow();
        return TypedResults.Ok(await ListPage.BuildAsync(inMode, inMode, list, c => PromotionMapping.ToWire(c, currencies, now), cancellationToken,
            () => Counters.GetAsync(db, CountedResources.Coupon, caller.Livemode, null, cancellationToken)));
    }

    private static async Task<CouponRecord> FindAsync(PaylinkDbContext db, string id, Caller caller, CancellationToken cancellationToken) =>
        await db.Coupons.FirstOrDefaultAsync(c => c.Id == id && c.Livemode == caller.Livemode, cancellationToken)
        ?? throw ApiException.Missing("coupon", id);
}
