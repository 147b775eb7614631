using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Paylink.Data;

/// <summary>
/// Counts, per SQLite database, the writes this process has finished: every committed transaction,
/// every SaveChanges and every statement run outside a query (ExecuteUpdate, ExecuteDelete, raw SQL),
/// counted after it ends. A copy of a row read while the count was N is current as long as the count is
/// still N, which is what lets hot rows be kept in memory (see <c>LinkReads</c>). On SQLite Paylink is
/// one process: every writer goes through this process's contexts, so no write goes uncounted.
/// </summary>
public sealed class SqliteCommitCounter : SaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    private static readonly ConcurrentDictionary<string, StrongBox<long>> Counts = new(StringComparer.Ordinal);

    /// <summary>The number of writes finished so far on this database; read it before reading the rows it is to vouch for.</summary>
    public static long Current(string connectionString) => Volatile.Read(ref For(connectionString).Value);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Count(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Count(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Count(eventData.Context);
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Count(eventData.Context);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Counts a write made on the database outside EF Core (see <see cref="SqliteBatchWriter"/>), once it has committed.</summary>
    internal static void Count(string connectionString) => Interlocked.Increment(ref For(connectionString).Value);

    private static StrongBox<long> For(string connectionString) => Counts.GetOrAdd(connectionString, _ => new StrongBox<long>());

    private static void Count(DbContext? context)
    {
        if (context?.Database.GetConnectionString() is { } connectionString)
        {
            Interlocked.Increment(ref For(connectionString).Value);
        }
    }
}
