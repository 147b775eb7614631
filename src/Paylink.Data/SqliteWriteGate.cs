using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Paylink.Data;

/// <summary>
/// The one writer at a time of a SQLite database, queued in this process. SQLite lets one connection
/// write; another that finds the lock taken retries after sleeping (1, 2, 5 … 100 ms), so a write that
/// skips the queue while queued ones run sleeps, and under load sleeps again and again (bench/README.md,
/// "The write gate"). <see cref="WriteTransaction"/> takes the gate for an
/// explicit transaction; this interceptor takes it for the writes made without one — a SaveChanges that
/// runs in EF's own transaction, an ExecuteUpdate or ExecuteDelete that commits by itself — and gives
/// it back when they end (saved, failed or cancelled). Writes inside a transaction that did not take
/// the gate are left alone.
/// </summary>
public sealed class SqliteWriteGate : SaveChangesInterceptor, IDbCommandInterceptor
{
    /// <summary>
    /// How long a write waits for the gate before it goes on without it (SQLite's own lock then decides).
    /// Only a flow that holds the gate and writes through a second context would wait that long.
    /// </summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    internal enum Scope
    {
        None,
        SaveChanges,
        Command,
    }

    /// <summary>The gate of the context's database.</summary>
    public static SemaphoreSlim For(PaylinkDbContext db) => For(db.Database.GetConnectionString() ?? "");

    /// <summary>The gate of the database with this connection string.</summary>
    public static SemaphoreSlim For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));

    /// <summary>Waits for the database's write turn and gives it to the context (for a <see cref="WriteTransaction"/>).</summary>
    internal static async Task<SemaphoreSlim> TakeAsync(PaylinkDbContext db, CancellationToken cancellationToken)
    {
        var gate = For(db);
        await gate.WaitAsync(cancellationToken);
        db.HoldsWriteGate = true;
        return gate;
    }

    /// <summary>Gives the context's write turn back; the next writer in the queue gets it.</summary>
    internal static void Give(PaylinkDbContext db, SemaphoreSlim gate)
    {
        db.HoldsWriteGate = false;
        gate.Release();
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Needs(eventData.Context) is { } db)
        {
            Enter(db, For(db).Wait(Patience), Scope.SaveChanges);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (Needs(eventData.Context) is { } db)
        {
            Enter(db, await For(db).WaitAsync(Patience, cancellationToken), Scope.SaveChanges);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Committed(eventData.Context, Scope.SaveChanges)?.GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Committed(eventData.Context, Scope.SaveChanges) is { } durable)
        {
            await durable;
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Exit(eventData.Context, Scope.SaveChanges);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Scope.SaveChanges);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Exit(eventData.Context, Scope.SaveChanges);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Scope.SaveChanges);
        return Task.CompletedTask;
    }

    // ExecuteUpdate, ExecuteDelete and raw SQL run as non-queries; outside a transaction each commits by itself.
    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (command.Transaction is null && Needs(eventData.Context) is { } db)
        {
            Enter(db, For(db).Wait(Patience), Scope.Command);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null && Needs(eventData.Context) is { } db)
        {
            Enter(db, await For(db).WaitAsync(Patience, cancellationToken), Scope.Command);
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Committed(eventData.Context, Scope.Command)?.GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Committed(eventData.Context, Scope.Command) is { } durable)
        {
            await durable;
        }

        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Exit(eventData.Context, Scope.Command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Scope.Command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Exit(eventData.Context, Scope.Command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Scope.Command);
        return Task.CompletedTask;
    }

    private static PaylinkDbContext? Needs(DbContext? context) =>
        context is PaylinkDbContext { IsPostgres: false, HoldsWriteGate: false } db && db.Database.CurrentTransaction is null ? db : null;

    private static void Enter(PaylinkDbContext db, bool entered, Scope scope)
    {
        if (entered)
        {
            db.HoldsWriteGate = true;
            db.ImplicitGate = scope;
        }
    }

    /// <summary>After a write that committed by itself: frees the gate, then gives the wait for the commit to reach the disk (group commit), if any.</summary>
    private static Task? Committed(DbContext? context, Scope scope) =>
        Exit(context, scope) && context is PaylinkDbContext db ? SqliteDurability.For(db)?.OnDiskAsync() : null;

    private static bool Exit(DbContext? context, Scope scope)
    {
        if (context is PaylinkDbContext db && db.ImplicitGate == scope)
        {
            db.ImplicitGate = Scope.None;
            Give(db, For(db));
            return true;
        }

        return false;
    }
}
