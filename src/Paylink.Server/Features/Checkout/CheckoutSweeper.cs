using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Checkout.Processing;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout;

/// <summary>
/// Background work of checkout: expires sessions at <c>expires_at</c>, and settles payments left
/// <c>processing</c> (a crash between the charge and its completion) by asking the processor what it
/// decided for the intent's idempotency key. Safe with several instances: every change is guarded.
/// </summary>
public sealed class CheckoutSweeper(IServiceScopeFactory scopes, TimeProvider time, ILogger<CheckoutSweeper> logger) : RepeatingPass(time, logger)
{
    /// <summary>How long a charge may take before it counts as interrupted.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    public static TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    protected override TimeSpan Every => Interval;

    protected override string Name => "Checkout sweep";

    protected override Task PassAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PaylinkDbContext>();
        var now = Time.UtcNow();

        var stale = now - StaleAfter;
        var interrupted = await db.PaymentIntents.AsNoTracking().Where(p => p.Status == PaymentIntentStatus.Processing && p.UpdatedAt < stale)
            .OrderBy(p => p.UpdatedAt).Select(p => new { p.Id, p.Attempt }).Take(100).ToListAsync(cancellationToken);
        foreach (var intent in interrupted)
        {
            var processor = services.GetRequiredService<ICardProcessor>();
            var result = await processor.LookupAsync(CheckoutService.IdempotencyKey(intent.Id, intent.Attempt), cancellationToken)
                ?? ChargeResult.Declined("processing_interrupted", "The payment was interrupted before the card was charged. Please try again.");
            await services.GetRequiredService<CheckoutCompletion>().SettleAsync(intent.Id, result, cancellationToken);
            db.ChangeTracker.Clear();
        }

        var due = await db.CheckoutSessions.AsNoTracking().Where(s => s.Status == CheckoutSessionStatus.Open && s.ExpiresAt <= now)
            .OrderBy(s => s.ExpiresAt).Select(s => s.Id).Take(100).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await services.GetRequiredService<CheckoutExpiry>().ExpireAsync(id, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
