using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Promotions;

namespace Paylink.Server.Features.Checkout;

/// <summary>What a reservation could not hold.</summary>
public enum Shortfall
{
    None,
    SoldOut,
    Promotion,
}

/// <summary>
/// What a paying session holds of limited things: link, prices, promotion code, coupon — the order in
/// which completion and release touch the same rows too, so those do not lock each other in a cycle on
/// PostgreSQL. Given back by <see cref="CheckoutCompletion.ReleaseAsync"/>, turned into a sale when the session completes.
/// </summary>
public static class CheckoutReservation
{
    /// <summary>
    /// Holds one completed-session place on the link, each line's units and one redemption of the promotion
    /// code and of its coupon — or nothing at all (the caller rolls back). Every hold is a guarded update,
    /// so customers paying at once can never together pass a limit.
    /// </summary>
    public static async Task<Shortfall> HoldAsync(PaylinkDbContext db, CheckoutSessionRecord session, DateTime now, CancellationToken cancellationToken)
    {
        if (session.PaymentLinkId is { } linkId)
        {
            var held = await db.PaymentLinks
                .Where(l => l.Id == linkId && l.Active && (l.CompletedSessionsLimit == null || l.CompletedSessionsCount + l.CompletedSessionsReserved < l.CompletedSessionsLimit))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.CompletedSessionsReserved, l => l.CompletedSessionsReserved + 1), cancellationToken);
            if (held == 0)
            {
                return Shortfall.SoldOut;
            }
        }

        foreach (var line in SessionLine.Parse(session.LinesJson).Where(l => l.Quantity > 0))
        {
            var quantity = (long)line.Quantity;
            var held = await db.Prices
                .Where(p => p.Id == line.PriceId && (p.QuantityAvailable == null || p.QuantitySold + p.QuantityReserved + quantity <= p.QuantityAvailable))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.QuantityReserved, p => p.QuantityReserved + quantity), cancellationToken);
            if (held == 0)
            {
                return Shortfall.SoldOut;
            }
        }

        if (session.PromotionCodeId is { } codeId)
        {
            var code = await db.PromotionCodes
                .Where(p => p.Id == codeId && p.Active && (p.ExpiresAt == null || p.ExpiresAt > now)
                    && (p.MaxRedemptions == null || p.TimesRedeemed + p.RedemptionsReserved < p.MaxRedemptions))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.RedemptionsReserved, p => p.RedemptionsReserved + 1), cancellationToken);
            var coupon = code == 0 ? 0 : await db.Coupons
                .Where(c => c.Id == session.CouponId && (c.RedeemBy == null || c.RedeemBy > now)
                    && (c.MaxRedemptions == null || c.TimesRedeemed + c.RedemptionsReserved < c.MaxRedemptions))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RedemptionsReserved, c => c.RedemptionsReserved + 1), cancellationToken);
            if (coupon == 0)
            {
                return Shortfall.Promotion;
            }
        }

        return Shortfall.None;
    }

    /// <summary>Why the code could not be held, read again after the rollback; "used up" when it now looks fine (a hold was just given back).</summary>
    public static async Task<PromotionRefusal> PromotionRefusalAsync(PaylinkDbContext db, Cart cart, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var codeId = cart.Promotion!.Code.Id;
        var code = await db.PromotionCodes.AsNoTracking().Include(p => p.Coupon).FirstAsync(p => p.Id == codeId, cancellationToken);
        return PromotionCheck.StateRefusal(code, code.Coupon!, now, countHeld: false) ?? PromotionRefusal.UsedUp;
    }
}
