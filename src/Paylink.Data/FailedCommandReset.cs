using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Paylink.Data;

/// <summary>
/// Npgsql prepares a statement at its fifth run on a connection (<see cref="PaylinkDatabase.WithPostgresDefaults"/>
/// turns that on). When the server refuses the very run that prepares it, Npgsql's record of the statement
/// goes wrong, and its next run on that connection fails with "Received unexpected backend message DataRow"
/// and breaks the connection, for whichever request draws it from the pool next (npgsql/npgsql#6391). So a
/// connection on which the server refused a command forgets its prepared statements before it goes back to the
/// pool; they are prepared again as they are used.
/// </summary>
internal sealed class FailedCommandReset : IDbCommandInterceptor, IDbConnectionInterceptor
{
    public static readonly FailedCommandReset Instance = new();

    private static readonly object Failed = new();
    private readonly ConditionalWeakTable<DbConnection, object> _failed = [];

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Note(command, eventData);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Note(command, eventData);
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Reset(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        // Npgsql has no asynchronous form; it is one short round trip, and only after a refused command.
        Reset(connection);
        return ValueTask.FromResult(result);
    }

    private void Note(DbCommand command, CommandErrorEventData eventData)
    {
        if (eventData.Exception is PostgresException && command.Connection is { } connection)
        {
            _failed.AddOrUpdate(connection, Failed);
        }
    }

    private void Reset(DbConnection connection)
    {
        if (!_failed.Remove(connection) || connection is not NpgsqlConnection { State: System.Data.ConnectionState.Open } npgsql)
        {
            return;
        }

        try
        {
            npgsql.UnprepareAll();
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            // The connection itself broke, and Npgsql discards it rather than pooling it.
        }
    }
}
