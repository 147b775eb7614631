using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Checkout.Processing;
using Paylink.Server.Features.Events;
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
        // A success clears the last attempt's error; a decline records its own.
        var settled = await db.ExecuteWriteAsync(
            "UPDATE payment_intents SET status = @p0, card_brand = @p1, card_last4 = @p2, last_error_code = @p3, last_error_message = @p4, updated_at = @p5"
            + " WHERE id = @p6 AND status = @p7",
            [(result.Succeeded ? PaymentIntentStatus.Succeeded : PaymentIntentStatus.RequiresPaymentMethod).Stored(), result.Brand, result.Last4,
                result.Succeeded ? null : result.DeclineCode, result.Succeeded ? null : result.DeclineMessage, now, intentId, PaymentIntentStatus.Processing.Stored()],
            cancellationToken);

        var intent = await db.FindTrackedAsync<PaymentIntentRecord>(intentId, cancellationToken)
            ?? throw new InvalidOperationException($"Payment intent {intentId} is gone.");
        var session = (intent.CheckoutSessionId is { } sessionId ? await db.FindTrackedAsync<CheckoutSessionRecord>(sessionId, cancellationToken) : null)
            ?? throw new InvalidOperationException($"The session of payment intent {intentId} is gone.");
        if (settled == 0)
        {
            // Someone else settled it first; report what they decided.
            return intent.Status == PaymentIntentStatus.Succeeded
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
        EventLog.Record(db, EventType.PaymentIntentPaymentFailed, intent.Livemode, mapper.Intent(intent), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PayOutcome(PayOutcomeKind.Declined, session.Id, result.DeclineCode, result.DeclineMessage);
    }

    /// <summary>Completes a session inside the caller's transaction; the session row is tracked and claimed.</summary>
    public async Task CompleteAsync(CheckoutSessionRecord session, PaymentIntentRecord? intent, ChargeResult? card, DateTime now, CancellationToken cancellationToken)
    {
        var completed = await db.ExecuteWriteAsync("UPDATE checkout_sessions SET status = @p0 WHERE id = @p1 AND status = @p2",
            [CheckoutSessionStatus.Complete.Stored(), session.Id, CheckoutSessionStatus.Open.Stored()], cancellationToken);
        if (completed == 0)
        {
            return;
        }

        // The guarded update wrote it; making it the original value keeps it out of the next save
        // (marking the property unmodified instead would put "open" back in the entity, and in the events).
        session.Status = CheckoutSessionStatus.Complete;
        db.Entry(session).Property(s => s.Status).OriginalValue = CheckoutSessionStatus.Complete;
        session.PaymentStatus = intent is null ? CheckoutPaymentStatus.NoPaymentRequired : CheckoutPaymentStatus.Paid;
        session.CompletedAt = now;
        session.UpdatedAt = now;
        await ConsumeAsync(session, now, cancellationToken);

        var settings = CheckoutSettings.Parse(session.SettingsJson);
        var details = session.CustomerDetails;
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
        EventLog.Record(db, EventType.CheckoutSessionCompleted, session.Livemode, mapper.Session(session), now);
        if (intent is not null)
        {
            EventLog.Record(db, EventType.PaymentIntentSucceeded, intent.Livemode, mapper.Intent(intent), now);
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
            await db.ExecuteWriteAsync("UPDATE payment_links SET completed_sessions_reserved = completed_sessions_reserved - 1 WHERE id = @p0",
                [linkId], cancellationToken);
        }

        foreach (var line in session.Lines.Where(l => l.Quantity > 0))
        {
            var quantity = (long)line.Quantity;
            await db.ExecuteWriteAsync("UPDATE prices SET quantity_reserved = quantity_reserved - @p0 WHERE id = @p1",
                [quantity, line.PriceId], cancellationToken);
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
            await db.ExecuteWriteAsync(
                "UPDATE payment_links SET completed_sessions_count = completed_sessions_count + 1, completed_sessions_reserved = completed_sessions_reserved - @p0"
                + " WHERE id = @p1",
                [held, linkId], cancellationToken);
            var deactivated = await db.ExecuteWriteAsync(
                "UPDATE payment_links SET active = @p0, version = version + 1, updated_at = @p1 WHERE id = @p2 AND active = @p3"
                + " AND completed_sessions_limit IS NOT NULL AND completed_sessions_count >= completed_sessions_limit",
                [false, now, linkId, true], cancellationToken);
            if (deactivated == 1)
            {
                await Counters.MoveAsync(db, CountedResources.PaymentLink, session.Livemode, nowActive: false, cancellationToken);
                var link = await db.PaymentLinks.AsNoTracking().FirstAsync(l => l.Id == linkId, cancellationToken);
                EventLog.Record(db, EventType.PaymentLinkUpdated, link.Livemode, mapper.Link(link), now);
            }
        }

        foreach (var line in session.Lines.Where(l => l.Quantity > 0))
        {
            var quantity = (long)line.Quantity;
            var reserved = session.Reserved ? quantity : 0;
            await db.ExecuteWriteAsync("UPDATE prices SET quantity_sold = quantity_sold + @p0, quantity_reserved = quantity_reserved - @p1 WHERE id = @p2",
                [quantity, reserved, line.PriceId], cancellationToken);
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

        await db.ExecuteWriteAsync("UPDATE promotion_codes SET times_redeemed = times_redeemed + @p0, redemptions_reserved = redemptions_reserved - @p1 WHERE id = @p2",
            [redeemed, held, codeId], cancellationToken);
        await db.ExecuteWriteAsync("UPDATE coupons SET times_redeemed = times_redeemed + @p0, redemptions_reserved = redemptions_reserved - @p1 WHERE id = @p2",
            [redeemed, held, session.CouponId], cancellationToken);
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

        EventLog.Record(db, EventType.CustomerCreated, livemode, mapper.Customer(customer), now);
        return customer.Id;
    }
}
