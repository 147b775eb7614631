using Microsoft.EntityFrameworkCore;
using Paylink.Data;

namespace Paylink.Server.Infrastructure;

/// <summary>
/// Forgets stored idempotent responses once their 24 hours are over (<see cref="Idempotency.Retention"/>):
/// a key used after that runs as a new request anyway, and a stored body may hold a customer's details,
/// so it is not kept longer than it serves. Deletes in batches, oldest first, along the index on
/// <c>created_at</c>; safe with several instances (a row deleted twice is deleted once).
/// </summary>
public sealed class IdempotencySweeper(IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencySweeper> logger) : RepeatingPass(time, logger)
{
    private const int Batch = 1000;

    public static TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    protected override TimeSpan Every => Interval;

    protected override string Name => "Pruning expired idempotency keys";

    protected override Task PassAsync(CancellationToken cancellationToken) => PruneAsync(cancellationToken);

    /// <summary>Deletes every record older than the retention; returns how many went.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var cutoff = Time.UtcNow() - Idempotency.Retention;
        var total = 0;
        while (true)
        {
            // One short write at a time, so requests are not held behind a long delete.
            var deleted = await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff)
                .OrderBy(r => r.CreatedAt).Take(Batch)
                .ExecuteDeleteAsync(cancellationToken);
            total += deleted;
            if (deleted < Batch)
            {
                return total;
            }
        }
    }
}
