using Microsoft.EntityFrameworkCore;
using Paylink.Client;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Checkout.Processing;
using Paylink.Server.Features.Promotions;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout;

public sealed record CheckoutSubmission(Cart Cart, CustomerDetails Details, List<CustomField> CustomFields, bool TermsAccepted, CardInput? Card);

public enum PayOutcomeKind
{
    Completed,
    Declined,
    SoldOut,
    LinkInactive,
    PromotionRefused,
    Expired,
    InProgress,
}

public sealed record PayOutcome(PayOutcomeKind Kind, string SessionId, string? DeclineCode = null, string? DeclineMessage = null,
    PromotionRefusal? Refusal = null);

/// <summary>
/// The purchase flow of CHECKOUT.md. In order: the session row is claimed (so one submit of a session
/// runs at a time), limited things are reserved by guarded updates (link sessions, price stock, the
/// promotion code's and its coupon's redemptions), the
/// payment intent is committed as <c>processing</c>, and only then the card is charged, with the
/// intent id and attempt as the processor's idempotency key. Success completes everything in one
/// transaction; failure releases the reservation and leaves the session open for another try.
/// </summary>
public sealed class CheckoutService(PaylinkDbContext db, ICardProcessor processor, CheckoutCompletion completion, TimeProvider time,
    SqliteBatchWriter? writer = null)
{
    public static readonly TimeSpan ReservationHold = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The session of one rendered link form: made on its first submit, found again on any later one (the
    /// form token is unique, so a later submit's insert is refused and the first session is read instead).
    /// </summary>
    public async Task<CheckoutSessionRecord> GetOrCreateLinkSessionAsync(PaymentLinkRecord link, CheckoutSettings settings, string formToken,
        string locale, string? clientReferenceId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var session = new CheckoutSessionRecord
        {
            Id = Ids.New("cs"),
            Livemode = link.Livemode,
            PaymentLinkId = link.Id,
            PaymentLinkVersion = link.Version,
            FormToken = formToken,
            CurrencyId = link.CurrencyId,
            SettingsJson = settings.ToJson(),
            MetadataJson = link.MetadataJson,
            ClientReferenceId = clientReferenceId,
            Locale = locale,
            ExpiresAt = now.AddHours(24),
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            if (writer is not null)
            {
                // On SQLite the row joins other writes in a shared transaction (no event, one INSERT).
                await writer.RunAsync(w => w.Insert(session), cancellationToken);
                return session;
            }

            db.CheckoutSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return session;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return await db.CheckoutSessions.AsNoTracking().FirstAsync(s => s.FormToken == formToken, cancellationToken);
        }
    }

    public async Task<PayOutcome> PayAsync(string sessionId, CheckoutSubmission submission, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        string intentId;
        int attempt;
        await using (var transaction = await db.BeginWriteAsync(cancellationToken))
        {
            // Claim the session row first: concurrent submits of one session queue here.
            var claimed = await db.ExecuteWriteAsync("UPDATE checkout_sessions SET updated_at = @p0 WHERE id = @p1 AND status = @p2",
                [now, sessionId, CheckoutSessionStatus.Open.Stored()], cancellationToken);
            if (claimed == 0)
            {
                return await StateOfAsync(sessionId, cancellationToken);
            }

            var session = await db.FindTrackedAsync<CheckoutSessionRecord>(sessionId, cancellationToken)
                ?? throw new InvalidOperationException($"Session {sessionId} was claimed but cannot be read.");
            if (session.ExpiresAt <= now)
            {
                return new PayOutcome(PayOutcomeKind.Expired, sessionId);
            }

            if (session.PaymentIntentId is { } existingIntent)
            {
                var started = await db.ExecuteWriteAsync(
                    "UPDATE payment_intents SET status = @p0, attempt = attempt + 1, amount = @p1, updated_at = @p2 WHERE id = @p3 AND status = @p4",
                    [PaymentIntentStatus.Processing.Stored(), submission.Cart.Total, now, existingIntent, PaymentIntentStatus.RequiresPaymentMethod.Stored()], cancellationToken);
                if (started == 0)
                {
                    return await StateOfAsync(sessionId, cancellationToken);
                }
            }

            Record(session, submission, now);
            var shortfall = session.Reserved ? Shortfall.None : await CheckoutReservation.HoldAsync(db, session, now, cancellationToken);
            if (shortfall != Shortfall.None)
            {
                await transaction.RollbackAsync(cancellationToken);
                return shortfall switch
                {
                    Shortfall.SoldOut => new PayOutcome(PayOutcomeKind.SoldOut, sessionId),
                    Shortfall.LinkInactive => new PayOutcome(PayOutcomeKind.LinkInactive, sessionId),
                    _ => new PayOutcome(PayOutcomeKind.PromotionRefused, sessionId, Refusal: await CheckoutReservation.PromotionRefusalAsync(db, submission.Cart, now, cancellationToken)),
                };
            }

            session.Reserved = true;
            session.ReservedUntil = now + ReservationHold;
            if (submission.Cart.Total == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                await completion.CompleteAsync(session, intent: null, card: null, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new PayOutcome(PayOutcomeKind.Completed, sessionId);
            }

            var newIntent = session.PaymentIntentId is null;
            if (newIntent)
            {
                var intent = new PaymentIntentRecord
                {
                    Id = Ids.New("pi"),
                    Livemode = session.Livemode,
                    Amount = submission.Cart.Total,
                    CurrencyId = session.CurrencyId,
                    Status = PaymentIntentStatus.Processing,
                    Attempt = 1,
                    CheckoutSessionId = session.Id,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.PaymentIntents.Add(intent);
                session.PaymentIntentId = intent.Id;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            intentId = session.PaymentIntentId!;
            // A new intent is on its first attempt; a retried one was counted up by the guarded update above.
            attempt = newIntent ? 1 : await db.PaymentIntents.Where(p => p.Id == intentId).Select(p => p.Attempt).FirstAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        var request = new ChargeRequest(IdempotencyKey(intentId, attempt), submission.Cart.Total, submission.Cart.Currency.Id, submission.Card!);
        var result = await processor.ChargeAsync(request, CancellationToken.None);
        return await completion.SettleAsync(intentId, result, CancellationToken.None);
    }

    public static string IdempotencyKey(string intentId, int attempt) => $"{intentId}:{attempt}";

    private static void Record(CheckoutSessionRecord session, CheckoutSubmission submission, DateTime now)
    {
        var lines = submission.Cart.ToSessionLines();
        if (!session.Reserved)
        {
            session.Lines = lines;
            session.AmountSubtotal = submission.Cart.Subtotal;
            session.AmountDiscount = submission.Cart.Discount;
            session.AmountTotal = submission.Cart.Total;
            var promotion = submission.Cart.Promotion;
            session.PromotionCodeId = promotion?.Code.Id;
            session.CouponId = promotion?.Coupon.Id;
            session.Discounts = promotion is null ? [] : new List<SessionDiscount>
            {
                new()
                {
                    CouponId = promotion.Coupon.Id,
                    PromotionCodeId = promotion.Code.Id,
                    Code = promotion.Code.Code,
                    Amount = Money.Format(promotion.Amount, submission.Cart.Currency),
                },
            };
        }

        session.BuyerEmail = PromotionCheck.NormalizeEmail(submission.Details.Email);

        session.CustomerDetails = submission.Details;
        session.CustomFields = submission.CustomFields;
        session.Consent = submission.TermsAccepted ? new SessionConsent { TermsOfService = "accepted" } : null;
        session.UpdatedAt = now;
    }

    /// <summary>What a submit that could not claim the session should tell the customer.</summary>
    private async Task<PayOutcome> StateOfAsync(string sessionId, CancellationToken cancellationToken)
    {
        var session = await db.CheckoutSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        return session?.Status switch
        {
            CheckoutSessionStatus.Complete => new PayOutcome(PayOutcomeKind.Completed, sessionId),
            CheckoutSessionStatus.Expired => new PayOutcome(PayOutcomeKind.Expired, sessionId),
            _ => new PayOutcome(PayOutcomeKind.InProgress, sessionId),
        };
    }
}
