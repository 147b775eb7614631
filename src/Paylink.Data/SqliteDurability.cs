using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Paylink.Data;

/// <summary>
/// Group commit for SQLite. With <c>synchronous=FULL</c> every commit waits for its own fsync of the
/// write-ahead log while it holds the one writer's lock, so writers queue behind the disk, one fsync
/// each (bench/README.md, "Group commit"). Instead, connections run with <c>synchronous=NORMAL</c> (SQLite
/// keeps the file consistent; only durability is left to us) and each writer, after its commit and
/// after giving up the lock, waits here until an fsync of the log that began after its commit has
/// finished. Commits that end while one fsync runs share the next one. Nothing that reports a write
/// (a response, a redirect, a webhook) goes out before that write is on disk; another request may
/// read it up to one fsync earlier.
/// </summary>
public sealed class SqliteDurability
{
    private static readonly ConcurrentDictionary<string, SqliteDurability> Databases = new(StringComparer.Ordinal);
    private readonly string _logPath;
    private readonly Action<string> _sync;
    private readonly Lock _lock = new();
    private long _committed;
    private long _synced;
    private bool _syncing;
    private TaskCompletionSource? _waiting;

    public SqliteDurability(string databasePath, Action<string>? sync = null)
    {
        _logPath = databasePath + "-wal";
        _sync = sync ?? SyncFile;
    }

    /// <summary>How many fsyncs have run (each covers every commit that ended before it began).</summary>
    public long Syncs { get; private set; }

    /// <summary>Turns group commit on for a database (its connections must then run with synchronous=NORMAL).</summary>
    public static void Register(string connectionString, string databasePath) => Register(connectionString, new SqliteDurability(databasePath));

    /// <summary>Turns group commit on for a database with this instance (its connections must run with synchronous=NORMAL).</summary>
    public static void Register(string connectionString, SqliteDurability durability) => Databases.TryAdd(connectionString, durability);

    /// <summary>The group commit of the context's database, or null when its commits sync by themselves.</summary>
    public static SqliteDurability? For(PaylinkDbContext db) =>
        !db.IsPostgres && db.Database.GetConnectionString() is { } connectionString ? For(connectionString) : null;

    /// <summary>The group commit of the database with this connection string, or null.</summary>
    public static SqliteDurability? For(string connectionString) => Databases.TryGetValue(connectionString, out var durability) ? durability : null;

    /// <summary>Call once a commit has returned: completes when it, and every commit before it, is on disk.</summary>
    public Task OnDiskAsync() => WaitFor(Interlocked.Increment(ref _committed));

    /// <summary>Completes when every commit counted so far is on disk; at once when an fsync has already covered them.</summary>
    public Task AllOnDiskAsync() => WaitFor(Volatile.Read(ref _committed));

    private Task WaitFor(long ticket)
    {
        lock (_lock)
        {
            if (_synced >= ticket)
            {
                return Task.CompletedTask;
            }

            _waiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var done = _waiting.Task;
            if (!_syncing)
            {
                _syncing = true;
                _ = Task.Run(SyncLoop);
            }

            return done;
        }
    }

    private void SyncLoop()
    {
        while (true)
        {
            TaskCompletionSource batch;
            long upTo;
            lock (_lock)
            {
                if (_waiting is null)
                {
                    _syncing = false;
                    return;
                }

                // Every commit counted so far has returned, so its frames are in the log file: the fsync below covers them.
                batch = _waiting;
                _waiting = null;
                upTo = Volatile.Read(ref _committed);
            }

            try
            {
                _sync(_logPath);
                lock (_lock)
                {
                    _synced = Math.Max(_synced, upTo);
                    Syncs++;
                }

                batch.SetResult();
            }
            catch (Exception e)
            {
                batch.SetException(e);
            }
        }
    }

    private static void SyncFile(string path)
    {
        try
        {
            // Opened for each sync: SQLite may delete and recreate the log, and an old handle would sync the wrong file.
            using var log = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            log.Flush(flushToDisk: true);
        }
        catch (FileNotFoundException)
        {
            // No log: the last connection closed and checkpointed it into the database file, which SQLite synced.
        }
    }
}
