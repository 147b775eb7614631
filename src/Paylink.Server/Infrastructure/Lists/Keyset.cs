using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Paylink.Server.Infrastructure.Lists;

/// <summary>
/// Pages through a table in a stable order (the chosen field, then id). Cursor pages are keyset pages:
/// <c>(field, id) &lt; (@f, @id)</c>, written with a plain range bound on the field as well so both
/// SQLite and PostgreSQL walk the matching index instead of counting past earlier rows. A numbered
/// page without a cursor uses OFFSET, which is what a page number means.
/// </summary>
public static class Keyset
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static string PropertyName(string wireField) => wireField switch
    {
        "created_at" => "CreatedAt",
        "updated_at" => "UpdatedAt",
        "name" => "Name",
        _ => throw new ArgumentOutOfRangeException(nameof(wireField), wireField, null),
    };

    /// <param name="filtered">The rows matching the caller's mode and filters.</param>
    /// <param name="inMode">All rows of the caller's mode: a cursor need not match the filters any more, only exist.</param>
    public static async Task<(List<T> Items, bool HasMore)> PageAsync<T>(
        IQueryable<T> filtered, IQueryable<T> inMode, ListRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var field = PropertyName(request.OrderField);
        var fieldType = typeof(T).GetProperty(field)!.PropertyType;

        if (request.Cursor is not { } cursorId)
        {
            var ordered = Order(filtered, field, request.Descending);
            var rows = await ordered.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize + 1).ToListAsync(cancellationToken);
            return Trim(rows, request.PageSize);
        }

        var cursorParam = request.StartingAfter is not null ? "starting_after" : "ending_before";
        var cursorValue = await ReadCursorAsync(inMode, field, fieldType, cursorId, cancellationToken)
            ?? throw ApiException.Invalid(cursorParam, $"{cursorParam} names no object in this mode: '{cursorId}'.", "resource_missing");

        // Walking forward in a descending order means smaller keys; ending_before walks the other way and reverses.
        var backwards = request.EndingBefore is not null;
        var wantSmaller = request.Descending != backwards;
        var query = filtered.Where(After<T>(field, fieldType, cursorValue.Value, cursorId, wantSmaller));
        var page = await Order(query, field, request.Descending != backwards).Take(request.PageSize + 1).ToListAsync(cancellationToken);
        var (items, hasMore) = Trim(page, request.PageSize);
        if (backwards)
        {
            items.Reverse();
        }

        return (items, hasMore);
    }

    private static (List<T>, bool) Trim<T>(List<T> rows, int pageSize)
    {
        var hasMore = rows.Count > pageSize;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return (rows, hasMore);
    }

    private static IQueryable<T> Order<T>(IQueryable<T> query, string field, bool descending)
    {
        var ordered = Sort(query.Expression, typeof(T), field, descending ? "OrderByDescending" : "OrderBy");
        ordered = Sort(ordered, typeof(T), "Id", descending ? "ThenByDescending" : "ThenBy");
        return query.Provider.CreateQuery<T>(ordered);
    }

    private static MethodCallExpression Sort(Expression source, Type rowType, string property, string method)
    {
        var row = Expression.Parameter(rowType, "row");
        var key = Expression.Property(row, property);
        var selector = Expression.Lambda(key, row);
        return Expression.Call(typeof(Queryable), method, [rowType, key.Type], source, Expression.Quote(selector));
    }

    private static async Task<CursorValue?> ReadCursorAsync<T>(IQueryable<T> inMode, string field, Type fieldType, string id, CancellationToken cancellationToken)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var idMatches = Expression.Lambda<Func<T, bool>>(
            Expression.Equal(Expression.Property(row, "Id"), Expression.Constant(id)), row);
        var matching = inMode.Where(idMatches);
        if (fieldType == typeof(string))
        {
            var select = Expression.Lambda<Func<T, string>>(Expression.Property(row, field), row);
            var values = await matching.Select(select).Take(1).ToListAsync(cancellationToken);
            return values.Count == 0 ? null : new CursorValue(values[0]);
        }
        else
        {
            var select = Expression.Lambda<Func<T, DateTime>>(Expression.Property(row, field), row);
            var values = await matching.Select(select).Take(1).ToListAsync(cancellationToken);
            return values.Count == 0 ? null : new CursorValue(values[0]);
        }
    }

    private sealed record CursorValue(object Value);

    /// <summary><c>field ≶ v OR (field = v AND id ≶ cursorId)</c>, plus <c>field ≤/≥ v</c> as an index range bound.</summary>
    private static Expression<Func<T, bool>> After<T>(string field, Type fieldType, object value, string cursorId, bool smaller)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var member = Expression.Property(row, field);
        var id = Expression.Property(row, "Id");
        var v = Parameterized(value, fieldType);
        var c = Parameterized(cursorId, typeof(string));

        Expression Compare(Expression left, Expression right, ExpressionType op, Type type)
        {
            if (type == typeof(string))
            {
                var call = Expression.Call(StringCompare, left, right);
                return Expression.MakeBinary(op, call, Expression.Constant(0));
            }

            return Expression.MakeBinary(op, left, right);
        }

        var strict = smaller ? ExpressionType.LessThan : ExpressionType.GreaterThan;
        var loose = smaller ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual;
        var body = Expression.AndAlso(
            Compare(member, v, loose, fieldType),
            Expression.OrElse(
                Compare(member, v, strict, fieldType),
                Expression.AndAlso(Expression.Equal(member, v), Compare(id, c, strict, typeof(string)))));
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    // A closure field rather than a constant, so EF sends a parameter and reuses its query plan.
    private static MemberExpression Parameterized(object value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(holder), "Value");
    }

    private sealed class Holder<TValue>(TValue value)
    {
        public readonly TValue Value = value;
    }
}
