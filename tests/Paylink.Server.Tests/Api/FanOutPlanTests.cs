using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Webhooks;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// The events table grows with every write and is never pruned, so the webhook fan-out must reach the
/// events it sends through an index, never by reading them all — also when SQLite has statistics
/// (ANALYZE) from a time the table was nearly empty, with which SQLite plans a bare <c>sequence IN (…)</c>
/// as a full scan (bench/README.md, "The webhook fan-out").
/// </summary>
public sealed class FanOutPlanTests
{
    [Fact]
    public async Task The_fan_out_reads_and_marks_its_events_through_an_index_even_with_statistics_from_a_small_table()
    {
        var folder = Path.Combine(Path.GetTempPath(), "paylink-fanout-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var connectionString = $"Data Source={Path.Combine(folder, "paylink.db")};Pooling=False";
            var sent = new ConcurrentQueue<(string Sql, (string Name, object? Value)[] Parameters)>();
            var builder = new DbContextOptionsBuilder<SqlitePaylinkDbContext>();
            PaylinkDatabase.UseSqlite(builder, connectionString);
            builder.AddInterceptors(new SqliteWriteGate(), new CommandWatch(command =>
                sent.Enqueue((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray()))));
            await using var db = new SqlitePaylinkDbContext(builder.Options);
            await db.Database.MigrateAsync();

            var now = DateTime.UtcNow;
            db.Events.AddRange(Enumerable.Range(0, 3).Select(i => Event(i, now, fannedOut: true)));
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            db.Events.AddRange(Enumerable.Range(3, 50).Select(i => Event(i, now, fannedOut: false)));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            sent.Clear();

            Assert.Equal(50, await Deliveries.FanOutAsync(db, now, CancellationToken.None));
            var onEvents = sent.Where(s => s.Sql.Contains("\"events\"", StringComparison.Ordinal)).ToList();
            Assert.Equal(0, await db.Events.CountAsync(e => !e.FannedOut));

            // The marking UPDATE is a plain statement on the write transaction's connection, which EF's
            // interceptors do not see: its plan is checked from its SQL, with the fan-out's parameters.
            var sequences = await db.Events.OrderBy(e => e.Sequence).Skip(3).Select(e => e.Sequence).ToListAsync();
            onEvents.Add((Deliveries.MarkFannedOutSql(sequences.Count),
                [("@p0", true), ("@p1", false), .. sequences.Select((sequence, i) => ("@p" + (i + 2), (object?)sequence))]));
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            foreach (var (sql, parameters) in onEvents)
            {
                await using var explain = connection.CreateCommand();
                explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
                foreach (var (name, value) in parameters)
                {
                    explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
                }

                var steps = new List<string>();
                await using (var reader = await explain.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        steps.Add(reader.GetString(3));
                    }
                }

                // EF names the table "e"; a SCAN of it reads every event.
                Assert.False(steps.Any(step => step is "SCAN e" or "SCAN events" || step.StartsWith("SCAN e ", StringComparison.Ordinal)
                    || step.StartsWith("SCAN events ", StringComparison.Ordinal)), $"{sql}\n{string.Join("\n", steps)}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static EventRecord Event(int i, DateTime now, bool fannedOut) => new()
    {
        Id = $"evt_plan{i:D6}",
        Type = "payment_link.created",
        DataJson = "{}",
        FannedOut = fannedOut,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
