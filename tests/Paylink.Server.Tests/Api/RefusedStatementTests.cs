using Microsoft.EntityFrameworkCore;
using Npgsql;
using Paylink.Data;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// On PostgreSQL, a statement the server refuses at the run where Npgsql prepares it leaves the pooled
/// connection fit for the next use of the same statement.
/// </summary>
public sealed class RefusedStatementTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Theory]
    [InlineData(4)]
    [InlineData(0)]
    [InlineData(9)]
    public async Task A_statement_refused_at_any_run_does_not_break_the_next_runs(int refusedRun)
    {
        // One connection in the pool, so every context below gets the connection the one before used.
        var connectionString = new NpgsqlConnectionStringBuilder(app.Database!.Settings["ConnectionStrings:Paylink"]) { MaxPoolSize = 1, ApplicationName = $"refused{refusedRun}" }.ConnectionString;
        var options = new DbContextOptionsBuilder<PostgresPaylinkDbContext>();
        PaylinkDatabase.UsePostgres(options, connectionString);

        for (var run = 0; run < 12; run++)
        {
            await using var db = new PostgresPaylinkDbContext(options.Options);
            var divisor = run == refusedRun ? 0 : run + 1;
            var query = db.Database.SqlQuery<int>($"SELECT 360 / {divisor} AS \"Value\"");

            if (run == refusedRun)
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => query.ToListAsync());
                Assert.Equal(PostgresErrorCodes.DivisionByZero, refused.SqlState);
            }
            else
            {
                Assert.Equal([360 / divisor], await query.ToListAsync());
            }
        }
    }
}
