using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Paylink.Data;

/// <summary>
/// A write transaction. SQLite lets one writer in at a time, and writers that find the lock taken
/// poll for it with sleeps, so under load they starve each other (and block threads while they wait).
/// Paylink on SQLite is one process, so its write transactions queue for the database's write turn
/// (<see cref="SqliteWriteGate"/>, which also queues writes made without a transaction), in order,
/// without blocking a thread, and SQLite never sees two at once. With group commit the turn passes on
/// at the commit, before its fsync (<see cref="SqliteDurability"/>). On PostgreSQL this is a plain transaction.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;
    private readonly PaylinkDbContext _db;
    private SemaphoreSlim? _gate;

    private WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? gate, PaylinkDbContext db)
    {
        _transaction = transaction;
        _gate = gate;
        _db = db;
    }

    public static async Task<WriteTransaction> BeginAsync(PaylinkDbContext db, CancellationToken cancellationToken)
    {
        var gate = db.IsPostgres ? null : await SqliteWriteGate.TakeAsync(db, cancellationToken);

        try
        {
            var transaction = new WriteTransaction(await db.Database.BeginTransactionAsync(cancellationToken), gate, db);
            if (gate is not null)
            {
                // EF wraps each SaveChanges of a transaction in a savepoint, so that a failed one leaves the
                // transaction usable; on SQLite that costs more than the insert itself (bench/README.md,
                // "No savepoints on SQLite"). Here
                // SQLite backs out a failed statement by itself, no other writer can race us, and every
                // write path that catches a failure either abandons its transaction or looked first.
                db.Database.AutoSavepointsEnabled = false;
            }

            return transaction;
        }
        catch
        {
            if (gate is not null)
            {
                SqliteWriteGate.Give(db, gate);
            }

            throw;
        }
    }

    /// <summary>Commits; on SQLite the next writer may begin at once, and this returns once the commit is on disk.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await _transaction.CommitAsync(cancellationToken);
        if (SqliteDurability.For(_db) is { } durability)
        {
            ReleaseGate();
            await durability.OnDiskAsync();
        }
    }

    public Task RollbackAsync(CancellationToken cancellationToken = default) => _transaction.RollbackAsync(cancellationToken);

    public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) => _transaction.CreateSavepointAsync(name, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _transaction.DisposeAsync();
        }
        finally
        {
            _db.Database.AutoSavepointsEnabled = true;
            ReleaseGate();
        }
    }

    private void ReleaseGate()
    {
        if (Interlocked.Exchange(ref _gate, null) is { } gate)
        {
            SqliteWriteGate.Give(_db, gate);
        }
    }
}

public static class WriteTransactions
{
    /// <summary>Begins a write transaction (queued behind other writers on SQLite).</summary>
    public static Task<WriteTransaction> BeginWriteAsync(this PaylinkDbContext db, CancellationToken cancellationToken = default) =>
        WriteTransaction.BeginAsync(db, cancellationToken);
}
