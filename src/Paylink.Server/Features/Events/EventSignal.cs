using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Paylink.Data;

namespace Paylink.Server.Features.Events;

/// <summary>Wakes the webhook dispatcher when events committed in this process, so it need not wait for its next poll.</summary>
public sealed class EventSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private int _pending;

    public void Notify()
    {
        // At most one pending wake: many commits while the dispatcher works make it look once more, not
        // many times. Checked first, not caught: a full semaphore throws, and catching it would cost an
        // exception on nearly every commit of a burst (bench/README.md, "The webhook wake-up").
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Waits for a wake or for <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (await _signal.WaitAsync(timeout, cancellationToken))
        {
            // Cleared before the dispatcher looks, so a commit from now on wakes it again.
            Volatile.Write(ref _pending, 0);
        }
    }

    public void Dispose() => _signal.Dispose();
}

/// <summary>
/// Notifies <see cref="EventSignal"/> once a unit of work that recorded events is committed: at the
/// commit of its transaction, or after <c>SaveChanges</c> when there was none.
/// </summary>
public sealed class EventCommitInterceptor(EventSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => AfterEnd(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterEnd(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => AfterEnd(eventData.Context, committed: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterEnd(eventData.Context, committed: false);
        return Task.CompletedTask;
    }

    private void AfterSave(DbContext? context)
    {
        if (context is PaylinkDbContext { EventsAdded: true } db && db.Database.CurrentTransaction is null)
        {
            db.EventsAdded = false;
            signal.Notify();
        }
    }

    private void AfterEnd(DbContext? context, bool committed)
    {
        if (context is PaylinkDbContext { EventsAdded: true } db)
        {
            db.EventsAdded = false;
            if (committed)
            {
                signal.Notify();
            }
        }
    }
}
