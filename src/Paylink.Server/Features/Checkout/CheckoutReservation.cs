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
    LinkInactive,
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
            var held = await db.ExecuteWriteAsync(
                "UPDATE payment_links SET completed_sessions_reserved = completed_sessions_reserved + 1 WHERE id = @p0 AND active = @p1"
                + " AND (completed_sessions_limit IS NULL OR completed_sessions_count + completed_sessions_reserved < completed_sessions_limit)",
                [linkId, true], cancellationToken);
            if (held == 0)
            {
                // The guarded update decided; this read only names why, inside the same transaction. A link that
                // reached its limit deactivated itself and is sold out; one inactive below its limit was archived.
                var link = await db.PaymentLinks.AsNoTracking().Where(l => l.Id == linkId)
                    .Select(l => new { l.Active, l.CompletedSessionsLimit, l.CompletedSessionsCount }).FirstOrDefaultAsync(cancellationToken);
                var reachedLimit = link is { CompletedSessionsLimit: { } limit } && link.CompletedSessionsCount >= limit;
                return link is null || link.Active || reachedLimit ? Shortfall.SoldOut : Shortfall.LinkInactive;
            }
        }

        foreach (var line in session.Lines.Where(l => l.Quantity > 0))
        {
            var quantity = (long)line.Quantity;
            var held = await db.ExecuteWriteAsync(
                "UPDATE prices SET quantity_reserved = quantity_reserved + @p0 WHERE id = @p1"
                + " AND (quantity_available IS NULL OR quantity_sold + quantity_reserved + @p2 <= quantity_available)",
                [quantity, line.PriceId, quantity], cancellationToken);
            if (held == 0)
            {
                return Shortfall.SoldOut;
            }
        }

        if (session.PromotionCodeId is { } codeId)
        {
            var code = await db.ExecuteWriteAsync(
                "UPDATE promotion_codes SET redemptions_reserved = redemptions_reserved + 1 WHERE id = @p0 AND active = @p1"
                + " AND (expires_at IS NULL OR expires_at > @p2) AND (max_redemptions IS NULL OR times_redeemed + redemptions_reserved < max_redemptions)",
                [codeId, true, now], cancellationToken);
            var coupon = code == 0 ? 0 : await db.ExecuteWriteAsync(
                "UPDATE coupons SET redemptions_reserved = redemptions_reserved + 1 WHERE id = @p0"
                + " AND (redeem_by IS NULL OR redeem_by > @p1) AND (max_redemptions IS NULL OR times_redeemed + redemptions_reserved < max_redemptions)",
                [session.CouponId, now], cancellationToken);
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
