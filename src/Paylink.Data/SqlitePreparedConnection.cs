using Microsoft.Data.Sqlite;

namespace Paylink.Data;

/// <summary>
/// A SQLite connection that stays open and keeps its statements prepared, one per SQL text.
/// Microsoft.Data.Sqlite compiles a command's SQL on every execution and finalizes it when its
/// connection closes, so a statement is only compiled once on a connection that is neither closed nor
/// shared: this one is opened outside the shared pool and never returned to it (a handle left with
/// its settings, such as <c>query_only</c>, would carry them to the pool's next user).
/// Used by one caller at a time.
/// </summary>
internal sealed class SqlitePreparedConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    private SqlitePreparedConnection(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens a connection to the database and applies <paramref name="pragmas"/> to it.</summary>
    public static SqlitePreparedConnection Open(string connectionString, string pragmas)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            connection.Open();
            using var settings = connection.CreateCommand();
            settings.CommandText = pragmas;
            settings.ExecuteNonQuery();
            return new SqlitePreparedConnection(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The statement for <paramref name="sql"/>, with parameters <c>@p0</c> … <c>@p{n-1}</c>, prepared on first use.</summary>
    public SqliteCommand Prepared(string sql, int parameters)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++)
            {
                command.Parameters.Add(new SqliteParameter("@p" + i, DBNull.Value));
            }

            command.Prepare();
            _prepared[sql] = command;
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }
}
