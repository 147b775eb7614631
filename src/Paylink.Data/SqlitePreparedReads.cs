using System.Collections.Concurrent;
using System.Data;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Paylink.Data;

/// <summary>
/// Reads one row by equal columns through a statement prepared once per connection, on SQLite.
/// Microsoft.Data.Sqlite compiles a command's SQL on every execution, and for a wide row (a payment link
/// has 25 columns) compiling costs more than running it does; EF Core makes a new command for every query
/// (bench/README.md, "Prepared reads"). The hot reads (a link and its prices, for the API and the payment
/// page) come here instead: a small set of read-only connections that stay open, each keeping its
/// prepared statements. Rows are mapped with EF Core's own model (columns, value converters), so they
/// match what EF reads.
/// </summary>
public static class SqlitePreparedReads
{
    /// <summary>How many open read connections are kept per database; those beyond are closed after their read.</summary>
    internal static int MaxIdleConnections { get; set; } = 16;
    private static readonly ConcurrentDictionary<string, ConcurrentBag<SqlitePreparedConnection>> Idle = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(Type Entity, string Columns), Shape> Shapes = new();

    /// <summary>The row of <typeparamref name="TEntity"/> whose columns equal the given values, or null. SQLite only.</summary>
    public static TEntity? FindBy<TEntity>(this PaylinkDbContext db, params (string Property, object Value)[] where) where TEntity : class
    {
        var shape = ShapeOf<TEntity>(db, where);
        var connectionString = db.Database.GetConnectionString() ?? throw new InvalidOperationException("No connection string.");
        var idle = Idle.GetOrAdd(connectionString, _ => []);
        // Read-only: a read connection can never write, whatever a caller does with it.
        var connection = idle.TryTake(out var open) ? open : SqlitePreparedConnection.Open(connectionString, "PRAGMA busy_timeout=30000; PRAGMA query_only=1;");
        var returned = false;
        try
        {
            var command = connection.Prepared(shape.Sql, where.Length);
            for (var i = 0; i < where.Length; i++)
            {
                command.Parameters[i].Value = shape.ToProvider(i, where[i].Value);
            }

            TEntity? found = null;
            // Disposing the reader resets the statement, which ends its read snapshot.
            using (var reader = command.ExecuteReader(CommandBehavior.SingleRow))
            {
                if (reader.Read())
                {
                    found = (TEntity)shape.Materialize(reader);
                }
            }

            if (idle.Count < MaxIdleConnections)
            {
                idle.Add(connection);
                returned = true;
            }

            return found;
        }
        finally
        {
            if (!returned)
            {
                connection.Dispose();
            }
        }
    }

    /// <summary>
    /// The row of <typeparamref name="TEntity"/> with this primary key, tracked by the context, as a tracking
    /// query reads it: an entity already tracked with that key is returned as it is; otherwise the row is read
    /// and attached unchanged, so a later SaveChanges writes what the caller changes. Null if there is none.
    /// On SQLite inside a write transaction the SELECT goes to the transaction's connection as plain
    /// ADO.NET, so it sees the transaction's own writes: EF's LINQ pipeline (parameter extraction, the
    /// query cache, a new command whose SQL is compiled again, the materializer) costs several times the
    /// statement itself, and a purchase makes three such reads (bench/README.md, "Prepared reads"). Anywhere
    /// else (PostgreSQL, no transaction) it is EF's tracking query.
    /// </summary>
    public static async Task<TEntity?> FindTrackedAsync<TEntity>(this PaylinkDbContext db, string id, CancellationToken cancellationToken) where TEntity : class
    {
        var key = db.Model.FindEntityType(typeof(TEntity))?.FindPrimaryKey() is { Properties: [var only] } && only.ClrType == typeof(string)
            ? only.Name
            : throw new InvalidOperationException($"{typeof(TEntity).Name} has no single string key.");
        if (db.IsPostgres || db.Database.CurrentTransaction?.GetDbTransaction() is not SqliteTransaction transaction)
        {
            return await db.Set<TEntity>().FirstOrDefaultAsync(e => EF.Property<string>(e, key) == id, cancellationToken);
        }

        if (db.Set<TEntity>().Local.FindEntry(id) is { } tracked)
        {
            return tracked.Entity;
        }

        var shape = ShapeOf<TEntity>(db, [(key, id)]);
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = shape.Sql;
        command.Parameters.AddWithValue("@p0", shape.ToProvider(0, id));
        TEntity? found = null;
        await using (var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                found = (TEntity)shape.Materialize(reader);
            }
        }

        if (found is not null)
        {
            db.Attach(found);
        }

        return found;
    }

    /// <summary>How rows of <typeparamref name="TEntity"/> are read by these columns: built once, then looked up without allocating.</summary>
    private static Shape ShapeOf<TEntity>(PaylinkDbContext db, (string Property, object Value)[] where)
    {
        // Reads filter on one or two columns: the key needs no join for the common one.
        var columns = where.Length == 1 ? where[0].Property : string.Join(',', where.Select(w => w.Property));
        return Shapes.GetOrAdd((typeof(TEntity), columns), static (key, arg) =>
            Shape.Build(arg.Model.FindEntityType(key.Entity) ?? throw new InvalidOperationException($"{key.Entity} is not mapped."), arg.Where), (db.Model, Where: where));
    }

    /// <summary>How one entity type is read: its SQL, its parameters' converters and a compiled row reader.</summary>
    private sealed class Shape
    {
        private readonly ValueConverter?[] _whereConverters;
        private readonly Func<SqliteDataReader, object> _materialize;

        private Shape(IProperty[] where, string sql, Func<SqliteDataReader, object> materialize)
        {
            _whereConverters = where.Select(p => p.GetTypeMapping().Converter).ToArray();
            Sql = sql;
            _materialize = materialize;
        }

        public string Sql { get; }

        public static Shape Build(IEntityType entity, (string Property, object Value)[] where)
        {
            var table = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} has no table.");
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var properties = entity.GetProperties().ToArray();
            var filters = where.Select(w => entity.FindProperty(w.Property) ?? throw new InvalidOperationException($"{entity.DisplayName()} has no {w.Property}.")).ToArray();
            var columns = string.Join(", ", properties.Select(p => SqliteNames.Quote(p.GetColumnName(store)!)));
            var conditions = string.Join(" AND ", filters.Select((p, i) => $"{SqliteNames.Quote(p.GetColumnName(store)!)} = @p{i}"));
            return new Shape(filters, $"SELECT {columns} FROM {SqliteNames.Quote(table)} WHERE {conditions} LIMIT 1", Compile(entity, properties));
        }

        public object ToProvider(int index, object value)
        {
            var converter = _whereConverters[index];
            return (converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }

        public object Materialize(SqliteDataReader reader) => _materialize(reader);

        /// <summary>reader => new TEntity { P0 = reader.IsDBNull(0) ? default : convert(reader.GetX(0)), … }</summary>
        private static Func<SqliteDataReader, object> Compile(IEntityType entity, IProperty[] properties)
        {
            var reader = Expression.Parameter(typeof(SqliteDataReader), "reader");
            var bindings = new List<MemberBinding>();
            for (var i = 0; i < properties.Length; i++)
            {
                var property = properties[i];
                var info = property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} is not a CLR property.");
                var converter = property.GetTypeMapping().Converter;
                var stored = converter?.ProviderClrType ?? property.ClrType;
                var storedType = Nullable.GetUnderlyingType(stored) ?? stored;
                var ordinal = Expression.Constant(i);
                Expression value = Expression.Call(reader, ReadMethod(storedType), ordinal);
                if (converter is not null)
                {
                    value = Expression.Invoke(converter.ConvertFromProviderExpression, Expression.Convert(value, converter.ProviderClrType));
                }

                if (value.Type != property.ClrType)
                {
                    value = Expression.Convert(value, property.ClrType);
                }

                var isNull = Expression.Call(reader, typeof(SqliteDataReader).GetMethod(nameof(SqliteDataReader.IsDBNull))!, ordinal);
                bindings.Add(Expression.Bind(info, Expression.Condition(isNull, Expression.Default(property.ClrType), value)));
            }

            var body = Expression.Convert(Expression.MemberInit(Expression.New(entity.ClrType), bindings), typeof(object));
            return Expression.Lambda<Func<SqliteDataReader, object>>(body, reader).Compile();
        }

        private static MethodInfo ReadMethod(Type type)
        {
            var name = type == typeof(string) ? nameof(SqliteDataReader.GetString)
                : type == typeof(long) ? nameof(SqliteDataReader.GetInt64)
                : type == typeof(int) ? nameof(SqliteDataReader.GetInt32)
                : type == typeof(bool) ? nameof(SqliteDataReader.GetBoolean)
                : type == typeof(double) ? nameof(SqliteDataReader.GetDouble)
                : null;
            return name is not null
                ? typeof(SqliteDataReader).GetMethod(name, [typeof(int)])!
                : typeof(SqliteDataReader).GetMethod(nameof(SqliteDataReader.GetFieldValue))!.MakeGenericMethod(type);
        }
    }
}
