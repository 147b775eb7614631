using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Paylink.Data;

/// <summary>
/// Writes without EF Core's update and query pipelines. New rows on SQLite: one plain INSERT per row, its
/// SQL built once per entity type from EF Core's model (columns, value converters), run on the open write
/// transaction's connection. A SaveChanges of a few new rows costs far more than the rows themselves
/// (change detection, the update pipeline, building the SQL anew, reading back the generated key); the
/// plain INSERTs skip all of it (bench/README.md, "Plain inserts on SQLite"). The rows are not tracked
/// afterwards. A database-generated key (an event's sequence) is left to the database and not read back.
/// A constraint violation surfaces as a <see cref="DbUpdateException"/>, as from SaveChanges. On
/// PostgreSQL the rows go through SaveChanges. Guarded updates: one statement for both databases
/// (<see cref="ExecuteWriteAsync"/>).
/// </summary>
public static class PlainWrites
{
    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();
    private static readonly UnixMillisecondsConverter UnixMilliseconds = new();

    /// <summary>How rows of the type are inserted: built once per entity type from the model.</summary>
    internal static Shape ShapeOf(IModel model, Type type) =>
        Shapes.GetOrAdd(type, t => Shape.Build(model.FindEntityType(t) ?? throw new InvalidOperationException($"{t.Name} is not mapped.")));

    /// <summary>Inserts <paramref name="rows"/>, in order, inside the context's open transaction.</summary>
    public static async Task InsertAsync(this PaylinkDbContext db, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        if (db.IsPostgres)
        {
            db.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var transaction = WriteTransactionOf(db)
            ?? throw new InvalidOperationException("Rows are inserted this way only inside a write transaction.");
        foreach (var row in rows)
        {
            var shape = ShapeOf(db.Model, row.GetType());
            await using var command = Command(transaction, shape.Sql);
            shape.Bind(command, row);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19)
            {
                throw shape.Refused(e);
            }
        }
    }

    /// <summary>
    /// Runs one write statement written for both databases (the model's snake_case names, parameters
    /// <c>@p0</c>, <c>@p1</c> … from <paramref name="values"/>; a <see cref="DateTime"/> is stored as each
    /// database stores it, Unix milliseconds on SQLite). On SQLite inside a write transaction it goes to the
    /// transaction's connection as plain ADO.NET: EF's <c>ExecuteUpdate</c> rebuilds, translates and looks
    /// up its query on every call, and even its raw-SQL pipeline costs more than a one-row UPDATE
    /// (bench/README.md, "Plain updates on SQLite"). Otherwise it goes through EF's raw SQL,
    /// which on SQLite queues it for the write turn (<see cref="SqliteWriteGate"/>).
    /// </summary>
    public static async Task<int> ExecuteWriteAsync(this PaylinkDbContext db, string sql, IReadOnlyList<object?> values, CancellationToken cancellationToken)
    {
        if (db.IsPostgres)
        {
            var named = values.Select((value, i) => (object)new NpgsqlParameter("p" + i, value ?? DBNull.Value)).ToArray();
            return await db.Database.ExecuteSqlRawAsync(sql, named, cancellationToken);
        }

        var parameters = values.Select((value, i) => new SqliteParameter("@p" + i, Stored(value))).ToArray();
        if (WriteTransactionOf(db) is not { } transaction)
        {
            return await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }

        await using var command = Command(transaction, sql);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static object Stored(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime instant => UnixMilliseconds.ConvertToProvider(instant)!,
        _ => value,
    };

    private static SqliteTransaction? WriteTransactionOf(PaylinkDbContext db) => db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction;

    private static SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    internal sealed class Shape
    {
        private readonly IClrPropertyGetter[] _getters;
        private readonly ValueConverter?[] _converters;

        private Shape(string table, string sql, IProperty[] properties)
        {
            Table = table;
            Sql = sql;
            _getters = properties.Select(p => p.GetGetter()).ToArray();
            _converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();
        }

        public string Table { get; }

        public string Sql { get; }

        public int Columns => _getters.Length;

        /// <summary>What a constraint violation of this insert surfaces as (as from SaveChanges).</summary>
        public DbUpdateException Refused(SqliteException e) => new($"Inserting into {Table} broke a constraint.", e);

        public static Shape Build(IEntityType entity)
        {
            if (entity.GetComplexProperties().Any() || entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            {
                throw new NotSupportedException($"{entity.DisplayName()} has complex or owned parts; insert it with SaveChanges.");
            }

            var table = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} has no table.");
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var properties = new List<IProperty>();
            foreach (var property in entity.GetProperties())
            {
                if (property.ValueGenerated == ValueGenerated.Never)
                {
                    properties.Add(property);
                }
                else if (!(property.IsPrimaryKey() && property.ClrType == typeof(long)))
                {
                    // Only an integer key (SQLite's rowid) is left to the database; any other generated value would be lost.
                    throw new NotSupportedException($"{entity.DisplayName()}.{property.Name} is generated on add; insert it with SaveChanges.");
                }
            }

            var columns = string.Join(", ", properties.Select(p => SqliteNames.Quote(p.GetColumnName(store)!)));
            var values = string.Join(", ", properties.Select((_, i) => "@p" + i));
            return new Shape(table, $"INSERT INTO {SqliteNames.Quote(table)} ({columns}) VALUES ({values})", [.. properties]);
        }

        public void Bind(SqliteCommand command, object row)
        {
            for (var i = 0; i < _getters.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("@p" + i, Value(row, i)));
            }
        }

        /// <summary>The stored value of column <paramref name="i"/> of <paramref name="row"/> (converted; null as DBNull).</summary>
        public object Value(object row, int i)
        {
            var value = _getters[i].GetClrValueUsingContainingEntity(row);
            if (value is not null && _converters[i] is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            return value ?? DBNull.Value;
        }
    }
}
