using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Checkout.Processing;
using Paylink.Server.Features.Events;
using Paylink.Server.Features.PaymentLinks;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout;

/// <summary>
/// The end of a payment: on success the session completes, the sale is counted and the customer made;
/// on failure the reservation is released. Every status change is a guarded update, so two actors (two
/// submits, a submit and the expiry job, two instances) can never both win.
/// </summary>
public sealed class CheckoutCompletion(PaylinkDbContext db, CheckoutMapper mapper, TimeProvider time)
{
    /// <summary>Applies a processor's answer to an intent left <c>processing</c>.</summary>
    public async Task<PayOutcome> SettleAsync(string intentId, ChargeResult result, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var settled = result.Succeeded
            ? await db.PaymentIntents.Where(p => p.Id == intentId && p.Status == "processing")
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, "succeeded").SetProperty(p => p.CardBrand, result.Brand)
                    .SetProperty(p => p.CardLast4, result.Last4).SetProperty(p => p.LastErrorCode, (string?)null)
                    .SetProperty(p => p.LastErrorMessage, (string?)null).SetProperty(p => p.UpdatedAt, now), cancellationToken)
            : await db.PaymentIntents.Where(p => p.Id == intentId && p.Status == "processing")
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, "requires_payment_method").SetProperty(p => p.CardBrand, result.Brand)
                    .SetProperty(p => p.CardLast4, result.Last4).SetProperty(p => p.LastErrorCode, result.DeclineCode)
                    .SetProperty(p => p.LastErrorMessage, result.DeclineMessage).SetProperty(p => p.UpdatedAt, now), cancellationToken);

        var intent = await db.PaymentIntents.FirstAsync(p => p.Id == intentId, cancellationToken);
        var session = await db.CheckoutSessions.FirstAsync(s => s.Id == intent.CheckoutSessionId, cancellationToken);
        if (settled == 0)
        {
            // Someone else settled it first; report what they decided.
            return intent.Status == "succeeded"
                ? new PayOutcome(PayOutcomeKind.Completed, session.Id)
                : new PayOutcome(PayOutcomeKind.Declined, session.Id, intent.LastErrorCode, intent.LastErrorMessage);
        }

        if (result.Succeeded)
        {
            await CompleteAsync(session, intent, result, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new PayOutcome(PayOutcomeKind.Completed, session.Id);
        }

        await ReleaseAsync(session, cancellationToken);
        EventLog.Record(db, "payment_intent.payment_failed", intent.Livemode, mapper.Intent(intent), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PayOutcome(PayOutcomeKind.Declined, session.Id, result.DeclineCode, result.DeclineMessage);
    }

    /// <summary>Completes a session inside the caller's transaction; the session row is tracked and claimed.</summary>
    public async Task CompleteAsync(CheckoutSessionRecord session, PaymentIntentRecord? intent, ChargeResult? card, DateTime now, CancellationToken cancellationToken)
    {
        var completed = await db.CheckoutSessions.Where(s => s.Id == session.Id && s.Status == "open")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, "complete"), cancellationToken);
        if (completed == 0)
        {
            return;
        }

        // The guarded update wrote it; making it the original value keeps it out of the next save
        // (marking the property unmodified instead would put "open" back in the entity, and in the events).
        session.Status = "complete";
        db.Entry(session).Property(s => s.Status).OriginalValue = "complete";
        session.PaymentStatus = intent is null ? "no_payment_required" : "paid";
        session.CompletedAt = now;
        session.UpdatedAt = now;
        await ConsumeAsync(session, now, cancellationToken);

        var settings = CheckoutSettings.Parse(session.SettingsJson);
        var details = CheckoutMapper.Details(session);
        if (settings.CustomerCreation == "always" && details?.Email is { Length: > 0 } email)
        {
            session.CustomerId = await CustomerFor(session.Livemode, email, details, now, cancellationToken);
        }

        if (intent is not null)
        {
            intent.CustomerId = session.CustomerId;
            intent.UpdatedAt = now;
        }

        // The events show the objects as they are now; one save writes the changes and the events.
        EventLog.Record(db, "checkout.session.completed", session.Livemode, mapper.Session(session), now);
        if (intent is not null)
        {
            EventLog.Record(db, "payment_intent.succeeded", intent.Livemode, mapper.Intent(intent), now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Gives back what a session held, if it holds anything.</summary>
    public async Task ReleaseAsync(CheckoutSessionRecord session, CancellationToken cancellationToken)
    {
        if (!session.Reserved)
        {
            return;
        }

        if (session.PaymentLinkId is { } linkId)
        {
            await db.PaymentLinks.Where(l => l.Id == linkId)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.CompletedSessionsReserved, l => l.CompletedSessionsReserved - 1), cancellationToken);
        }

        foreach (var line in SessionLine.Parse(session.LinesJson).Where(l => l.Quantity > 0))
        {
            var quantity = (long)line.Quantity;
            await db.Prices.Where(p => p.Id == line.PriceId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.QuantityReserved, p => p.QuantityReserved - quantity), cancellationToken);
        }

        await CountRedemptionAsync(session, held: 1, redeemed: 0, cancellationToken);
        session.Reserved = false;
        session.ReservedUntil = null;
    }

    /// <summary>Turns the reservation into a sale; a link that reached its limit deactivates itself.</summary>
    private async Task ConsumeAsync(CheckoutSessionRecord session, DateTime now, CancellationToken cancellationToken)
    {
        var held = session.Reserved ? 1 : 0;
        if (session.PaymentLinkId is { } linkId)
        {
            await db.PaymentLinks.Where(l => l.Id == linkId)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.CompletedSessionsCount, l => l.CompletedSessionsCount + 1)
                    .SetProperty(l => l.CompletedSessionsReserved, l => l.CompletedSessionsReserved - held), cancellationToken);
            var deactivated = await db.PaymentLinks
                .Where(l => l.Id == linkId && l.Active && l.CompletedSessionsLimit != null && l.CompletedSessionsCount >= l.CompletedSessionsLimit)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Active, false).SetProperty(l => l.Version, l => l.Version + 1)
                    .SetProperty(l => l.UpdatedAt, now), cancellationToken);
            if (deactivated == 1)
            {
                await Counters.MoveAsync(db, PaymentLinkEndpoints.Resource, session.Livemode, nowActive: false, cancellationToken);
                var link = await db.PaymentLinks.AsNoTracking().FirstAsync(l => l.Id == linkId, cancellationToken);
                EventLog.Record(db, "payment_link.updated", link.Livemode, mapper.Link(link), now);
            }
        }

        foreach (var line in SessionLine.Parse(session.LinesJson).Where(l => l.Quantity > 0))
        {
            var quantity = (long)line.Quantity;
            var reserved = session.Reserved ? quantity : 0;
            await db.Prices.Where(p => p.Id == line.PriceId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.QuantitySold, p => p.QuantitySold + quantity)
                    .SetProperty(p => p.QuantityReserved, p => p.QuantityReserved - reserved), cancellationToken);
        }

        await CountRedemptionAsync(session, held, redeemed: 1, cancellationToken);
        session.Reserved = false;
        session.ReservedUntil = null;
    }

    /// <summary>
    /// Gives back the session's hold on its promotion code and coupon (<paramref name="held"/>) and counts a
    /// redemption (<paramref name="redeemed"/>): a redemption counts only when a session completes.
    /// </summary>
    private async Task CountRedemptionAsync(CheckoutSessionRecord session, int held, int redeemed, CancellationToken cancellationToken)
    {
        if (session.PromotionCodeId is not { } codeId)
        {
            return;
        }

        await db.PromotionCodes.Where(p => p.Id == codeId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.TimesRedeemed, p => p.TimesRedeemed + redeemed)
                .SetProperty(p => p.RedemptionsReserved, p => p.RedemptionsReserved - held), cancellationToken);
        await db.Coupons.Where(c => c.Id == session.CouponId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TimesRedeemed, c => c.TimesRedeemed + redeemed)
                .SetProperty(c => c.RedemptionsReserved, c => c.RedemptionsReserved - held), cancellationToken);
    }

    /// <summary>One customer per email and mode (a unique index): reuse it, or make it and record <c>customer.created</c>.</summary>
    private async Task<string> CustomerFor(bool livemode, string email, Paylink.Client.CustomerDetails details, DateTime now, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var existing = await db.Customers.Where(c => c.Livemode == livemode && c.Email == normalized).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var customer = new CustomerRecord
        {
            Id = Ids.New("cus"),
            Livemode = livemode,
            Email = normalized,
            Name = details.Name,
            Phone = details.Phone,
            AddressJson = details.Address is null ? null : System.Text.Json.JsonSerializer.Serialize(details.Address, ServerJson.Options),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Customers.Add(customer);
        try
        {
            // EF wraps this in a savepoint, so a lost race leaves the transaction usable on PostgreSQL.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.Entry(customer).State = EntityState.Detached;
            return await db.Customers.Where(c => c.Livemode == livemode && c.Email == normalized).Select(c => c.Id).FirstAsync(cancellationToken);
        }

        EventLog.Record(db, "customer.created", livemode, mapper.Customer(customer), now);
        return customer.Id;
    }
}
