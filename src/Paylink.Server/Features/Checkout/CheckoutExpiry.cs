using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Events;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout;

/// <summary>
/// Expires an open session: never one whose payment is being charged or went through. The session row
/// is locked first, then its intent read, so a submit and the expiry job cannot both win.
/// </summary>
public sealed class CheckoutExpiry(PaylinkDbContext db, CheckoutCompletion completion, CheckoutMapper mapper, TimeProvider time)
{
    public async Task<bool> ExpireAsync(string sessionId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var locked = await db.CheckoutSessions.Where(s => s.Id == sessionId && s.Status == CheckoutSessionStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedAt, now), cancellationToken);
        if (locked == 0)
        {
            return false;
        }

        var session = await db.CheckoutSessions.FirstAsync(s => s.Id == sessionId, cancellationToken);
        var intent = session.PaymentIntentId is { } pi ? await db.PaymentIntents.FirstOrDefaultAsync(p => p.Id == pi, cancellationToken) : null;
        if (intent?.Status is PaymentIntentStatus.Processing or PaymentIntentStatus.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        session.Status = CheckoutSessionStatus.Expired;
        session.UpdatedAt = now;
        await completion.ReleaseAsync(session, cancellationToken);
        if (intent is not null)
        {
            intent.Status = PaymentIntentStatus.Canceled;
            intent.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        EventLog.Record(db, EventType.CheckoutSessionExpired, session.Livemode, mapper.Session(session), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
