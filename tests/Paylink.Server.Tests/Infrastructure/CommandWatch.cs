using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Paylink.Server.Tests.Infrastructure;

/// <summary>Shows each command a context sends (query, statement or scalar) to <paramref name="see"/> just before it runs.</summary>
public sealed class CommandWatch(Action<DbCommand> see) : DbCommandInterceptor
{
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        see(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        see(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        see(command);
        return ValueTask.FromResult(result);
    }
}
