using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Paylink.Data;

namespace Paylink.Server.Infrastructure;

/// <summary>
/// Things read or made from the database (rows, rendered pages, response bodies) kept in memory, on SQLite, until
/// the process's next committed write (<see cref="SqliteCommitCounter"/>): any write anywhere makes
/// every kept value stale. At most <c>capacity</c> are kept; when full, all are dropped. Without a
/// SQLite database (PostgreSQL, where other instances write too) nothing is kept.
/// </summary>
public sealed class KeptUntilWrite<TKey, TValue>(string? sqliteDatabase, int capacity) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (long Writes, TValue Value)> _kept = new();
    private int _added;

    /// <summary>The count of finished writes to make a value under (read it before reading anything the value shows), or null when nothing is kept.</summary>
    public long? Writes => sqliteDatabase is null ? null : SqliteCommitCounter.Current(sqliteDatabase);

    public bool TryFind(TKey key, long? writes, [MaybeNullWhen(false)] out TValue value)
    {
        if (writes is { } count && _kept.TryGetValue(key, out var kept) && kept.Writes == count)
        {
            value = kept.Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Keeps a value made under <paramref name="writes"/> (from <see cref="Writes"/>); a null count keeps nothing.</summary>
    public void Keep(TKey key, long? writes, TValue value)
    {
        if (writes is not { } count)
        {
            return;
        }

        // Counted by hand: ConcurrentDictionary.Count takes every lock of the table.
        if (Interlocked.Increment(ref _added) > capacity)
        {
            Interlocked.Exchange(ref _added, 0);
            _kept.Clear();
        }

        _kept[key] = (count, value);
    }
}
