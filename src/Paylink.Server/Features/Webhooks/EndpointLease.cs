using Microsoft.EntityFrameworkCore;
using Paylink.Data;

namespace Paylink.Server.Features.Webhooks;

/// <summary>
/// The claim of one endpoint's deliveries by one server instance: a lease column taken and renewed
/// with guarded updates, so on a shared PostgreSQL database only one instance sends to an endpoint at a
/// time (and so in event order). A crashed holder's lease simply runs out.
/// </summary>
public sealed class EndpointLease(PaylinkDbContext db, string endpointId, string owner, TimeSpan attemptTimeout, TimeProvider time)
{
    private readonly TimeSpan _length = (attemptTimeout * 2) + TimeSpan.FromSeconds(5);
    private DateTime _until;

    public async Task<bool> TryTakeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + _length;
        var taken = await db.WebhookEndpoints.Where(e => e.Id == endpointId && (e.LeaseUntil == null || e.LeaseUntil < now || e.LeaseOwner == owner))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseOwner, owner).SetProperty(e => e.LeaseUntil, until), cancellationToken);
        _until = until;
        return taken == 1;
    }

    /// <summary>Makes sure the lease outlasts one more attempt; false when it was lost (then stop sending).</summary>
    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_until - now > attemptTimeout + TimeSpan.FromSeconds(2))
        {
            return true;
        }

        var until = now + _length;
        var renewed = await db.WebhookEndpoints.Where(e => e.Id == endpointId && e.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseUntil, until), cancellationToken);
        _until = until;
        return renewed == 1;
    }

    public async Task ReleaseAsync() =>
        await db.WebhookEndpoints.Where(e => e.Id == endpointId && e.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseOwner, (string?)null).SetProperty(e => e.LeaseUntil, (DateTime?)null), CancellationToken.None);
}
