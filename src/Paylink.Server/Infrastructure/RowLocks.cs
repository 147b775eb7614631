using Microsoft.EntityFrameworkCore;
using Paylink.Data;

namespace Paylink.Server.Infrastructure;

/// <summary>
/// Reads a row to change it inside the caller's transaction, so that concurrent changes of the same
/// object wait their turn instead of overwriting each other (a read-modify-write such as a metadata
/// merge would otherwise lose one of them).
/// </summary>
public static class RowLocks
{
    /// <summary>
    /// The row with this id in this mode, locked until the transaction ends: <c>FOR UPDATE</c> on
    /// PostgreSQL; on SQLite the transaction itself already holds the one write lock (BEGIN IMMEDIATE).
    /// </summary>
    public static async Task<T?> FindForUpdateAsync<T>(PaylinkDbContext db, string id, bool livemode, CancellationToken cancellationToken)
        where T : class
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Begin the transaction before locking a row.");
        }

        if (db.IsPostgres)
        {
            var table = db.Model.FindEntityType(typeof(T))!.GetTableName();
            // The table name comes from the model, never from a request; the values go as parameters.
#pragma warning disable EF1003
            return await db.Set<T>()
                .FromSqlRaw("SELECT * FROM \"" + table + "\" WHERE id = {0} AND livemode = {1} FOR UPDATE", id, livemode)
                .FirstOrDefaultAsync(cancellationToken);
#pragma warning restore EF1003
        }

        return await db.Set<T>()
            .Where(row => EF.Property<string>(row, "Id") == id && EF.Property<bool>(row, "Livemode") == livemode)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
