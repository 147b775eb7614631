using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Paylink.Data;

/// <summary>
/// Runs small units of plain SQL writes on SQLite many to a transaction. A write transaction through
/// EF Core costs more than the few rows most writes change: the write turn handed from request to
/// request, a pooled connection opened and closed, BEGIN and COMMIT through EF's pipeline, every
/// statement compiled anew (Microsoft.Data.Sqlite keeps no statement cache). Here one loop per database
/// takes the write turn (<see cref="SqliteWriteGate"/>, shared with EF's writers), runs every unit queued
/// by then in one transaction on a connection it keeps open, with statements prepared once, and gives
/// the turn back. Each unit runs inside a savepoint of its own: a unit that fails (a unique key taken)
/// is rolled back alone and its caller gets the error; the others commit. A unit's caller resumes once
/// the commit is on disk (<see cref="SqliteDurability"/>), counted as a write (<see cref="SqliteCommitCounter"/>).
/// A unit runs synchronously on the loop and must not wait for the write turn itself.
/// </summary>
public sealed class SqliteBatchWriter : IAsyncDisposable
{
    /// <summary>At most this many units share a transaction; more wait for the next.</summary>
    private const int MaxBatch = 128;

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly IModel _model;
    private readonly Channel<Unit> _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private Statements? _open;
    private int _queued;

    /// <param name="connectionString">The database, spelled as its EF contexts spell it (the write turn and the write count are keyed by it).</param>
    /// <param name="pragmas">The per-connection settings EF's connections get (synchronous, busy_timeout, foreign_keys).</param>
    /// <param name="model">The EF model rows are inserted by (tables, columns, converters).</param>
    public SqliteBatchWriter(string connectionString, string pragmas, IModel model)
    {
        _connectionString = connectionString;
        _pragmas = pragmas;
        _model = model;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>How many units are queued and not yet taken into a transaction.</summary>
    internal int Queued => Volatile.Read(ref _queued);

    /// <summary>How many transactions this writer has committed.</summary>
    internal long Commits { get; private set; }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction shared with other units; completes once it has
    /// committed and is on disk. If it throws, none of its writes remain and the exception is rethrown here
    /// (a constraint violation as a <see cref="DbUpdateException"/>, as from SaveChanges).
    /// </summary>
    public Task RunAsync(Action<Statements> work, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var unit = new Unit(work, cancellationToken);
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(unit))
        {
            Interlocked.Decrement(ref _queued);
            ObjectDisposedException.ThrowIf(true, this);
        }

        return unit.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _open?.Dispose();
        _open = null;
    }

    private async Task LoopAsync()
    {
        var batch = new List<Unit>(MaxBatch);
        var gate = SqliteWriteGate.For(_connectionString);
        while (await _queue.Reader.WaitToReadAsync())
        {
            await gate.WaitAsync();
            Task? onDisk = null;
            try
            {
                // Everything queued by the time the turn came shares it.
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit))
                {
                    Interlocked.Decrement(ref _queued);
                    if (unit.CancellationToken.IsCancellationRequested)
                    {
                        unit.Done.TrySetCanceled(unit.CancellationToken);
                    }
                    else
                    {
                        batch.Add(unit);
                    }
                }

                if (batch.Count > 0 && RunBatch(batch))
                {
                    // Counted before the turn passes on: an fsync that begins from now on covers this commit.
                    onDisk = SqliteDurability.For(_connectionString)?.OnDiskAsync();
                    SqliteCommitCounter.Count(_connectionString);
                }
            }
            finally
            {
                gate.Release();
            }

            if (onDisk is not null)
            {
                try
                {
                    await onDisk;
                }
                catch (Exception e)
                {
                    foreach (var unit in batch)
                    {
                        unit.Failure ??= e;
                    }
                }
            }

            foreach (var unit in batch)
            {
                if (unit.Failure is { } failure)
                {
                    unit.Done.TrySetException(failure);
                }
                else
                {
                    unit.Done.TrySetResult();
                }
            }

            batch.Clear();
        }
    }

    /// <summary>Runs the units in one transaction; false when nothing was committed (every unit then has its failure).</summary>
    private bool RunBatch(List<Unit> batch)
    {
        Statements statements;
        try
        {
            statements = _open ??= Statements.Open(_connectionString, _pragmas, _model);
            statements.Control("BEGIN IMMEDIATE");
        }
        catch (Exception e)
        {
            Reset();
            batch.ForEach(u => u.Failure = e);
            return false;
        }

        var anyDone = false;
        foreach (var unit in batch)
        {
            try
            {
                statements.Control("SAVEPOINT unit");
                unit.Work(statements);
                statements.Control("RELEASE unit");
                anyDone = true;
            }
            catch (Exception e)
            {
                unit.Failure = e is SqliteException { SqliteErrorCode: 19 } refused ? new DbUpdateException("A write broke a constraint.", refused) : e;
                try
                {
                    statements.Control("ROLLBACK TO unit");
                    statements.Control("RELEASE unit");
                }
                catch (Exception rollback)
                {
                    // The transaction is in no known state: nothing of it is kept.
                    Abandon(batch, rollback);
                    return false;
                }
            }
        }

        try
        {
            statements.Control(anyDone ? "COMMIT" : "ROLLBACK");
            Commits += anyDone ? 1 : 0;
            return anyDone;
        }
        catch (Exception e)
        {
            Abandon(batch, e);
            return false;
        }
    }

    private void Abandon(List<Unit> batch, Exception e)
    {
        foreach (var unit in batch)
        {
            unit.Failure ??= e;
        }

        // Closing the connection rolls back whatever is open; the next batch opens a new one.
        Reset();
    }

    private void Reset()
    {
        _open?.Dispose();
        _open = null;
    }

    private sealed class Unit(Action<Statements> work, CancellationToken cancellationToken)
    {
        public Action<Statements> Work { get; } = work;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Exception? Failure { get; set; }
    }

    /// <summary>The writer's connection and its prepared statements, as a unit sees them.</summary>
    public sealed class Statements : IDisposable
    {
        private readonly SqlitePreparedConnection _connection;
        private readonly IModel _model;

        private Statements(SqlitePreparedConnection connection, IModel model)
        {
            _connection = connection;
            _model = model;
        }

        // Its own connection, outside the shared pool: it stays open with its statements for the process's life.
        internal static Statements Open(string connectionString, string pragmas, IModel model) =>
            new(SqlitePreparedConnection.Open(connectionString, pragmas), model);

        /// <summary>Inserts a row of a mapped entity type (a database-generated integer key is left to the database).</summary>
        public void Insert(object row)
        {
            var shape = PlainWrites.ShapeOf(_model, row.GetType());
            var command = _connection.Prepared(shape.Sql, shape.Columns);
            for (var i = 0; i < shape.Columns; i++)
            {
                command.Parameters[i].Value = shape.Value(row, i);
            }

            try
            {
                command.ExecuteNonQuery();
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19)
            {
                throw shape.Refused(e);
            }
        }

        /// <summary>Runs one statement with parameters <c>@p0</c>, <c>@p1</c> …; returns the rows it changed.</summary>
        public int Execute(string sql, params ReadOnlySpan<object?> values)
        {
            var command = _connection.Prepared(sql, values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            return command.ExecuteNonQuery();
        }

        internal void Control(string sql) => _connection.Prepared(sql, 0).ExecuteNonQuery();

        public void Dispose() => _connection.Dispose();
    }
}
