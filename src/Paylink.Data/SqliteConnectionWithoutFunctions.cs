#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's own connection service; this subclass changes one thing.
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Paylink.Data;

/// <summary>
/// EF Core's SQLite connection registers ten SQL functions and a collation (decimal arithmetic and
/// <c>regexp</c>) on every new <see cref="SqliteConnection"/>, and a pooled context gets a new one on
/// every rental, which costs more than a primary-key read (bench/README.md, "SQLite connections
/// without functions"). Paylink's model has no
/// decimal columns and its queries use no regular expressions, so its connections skip them. A query
/// that needed one would fail with "no such function" in the SQLite test runs.
/// </summary>
public sealed class SqliteConnectionWithoutFunctions(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override DbConnection CreateDbConnection() => new SqliteConnection(GetValidatedConnectionString());
}
