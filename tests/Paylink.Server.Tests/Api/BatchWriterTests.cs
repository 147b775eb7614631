using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// On SQLite, creates that queue while the write turn is taken share one transaction, each in a
/// savepoint of its own: one that fails leaves nothing behind and takes nothing of the others with it.
/// </summary>
public sealed class BatchWriterTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task Creates_queued_together_commit_in_one_transaction_and_a_taken_lookup_key_fails_alone()
    {
        var price = await Catalog.PriceAsync(_client);
        var run = Guid.NewGuid().ToString("N")[..8];
        string[] keys = [$"{run}-a", $"{run}-b", $"{run}-a", $"{run}-c", $"{run}-b", $"{run}-d"];
        var countBefore = await CountAsync();
        var writer = app.Services.GetRequiredService<SqliteBatchWriter>();
        var gate = SqliteWriteGate.For(ConnectionString());

        Task<ApiResponse>[] creates;
        long commitsBefore;
        await gate.WaitAsync();
        try
        {
            commitsBefore = writer.Commits;
            creates = keys.Select((key, i) =>
            {
                var body = Catalog.LinkBody(price, $"Batch {run} {i}");
                body["lookup_key"] = key;
                return _client.ApiPostAsync("/api/payment-links", body);
            }).ToArray();
            await WaitUntil(() => writer.Queued == keys.Length);
        }
        finally
        {
            gate.Release();
        }

        var responses = await Task.WhenAll(creates);
        Assert.Equal(commitsBefore + 1, writer.Commits);
        var made = responses.Where(r => r.Status == 200).ToList();
        Assert.Equal(4, made.Count);
        Assert.All(responses.Where(r => r.Status != 200), r => Assert.Equal("lookup_key_taken", r.Expect(400).Error.GetProperty("code").GetString()));
        Assert.Equal([$"{run}-a", $"{run}-b", $"{run}-c", $"{run}-d"], made.Select(r => r["lookup_key"].GetString()!).Order(StringComparer.Ordinal));

        // The links that were refused left no row, no event and no count behind.
        Assert.Equal(countBefore + 4, await CountAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var stored = await db.PaymentLinks.AsNoTracking().Where(l => l.Name.StartsWith($"Batch {run} ")).Select(l => l.Id).ToListAsync();
        Assert.Equal(made.Select(r => r.Id).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        var events = await db.Events.AsNoTracking().Where(e => e.Type == "payment_link.created" && e.DataJson.Contains($"Batch {run} ")).ToListAsync();
        Assert.Equal(made.Select(r => r.Id).Order(StringComparer.Ordinal),
            made.Select(r => r.Id).Where(id => events.Count(e => e.DataJson.Contains(id)) == 1).Order(StringComparer.Ordinal));
        Assert.Equal(4, events.Count);

        // Each made link is there to read at once, and its page opens.
        foreach (var link in made)
        {
            (await _client.ApiGetAsync($"/api/payment-links/{link.Id}")).Expect(200);
        }
    }

    [Fact]
    public async Task A_unit_that_fails_after_writing_leaves_none_of_its_rows_and_its_neighbours_commit()
    {
        var writer = app.Services.GetRequiredService<SqliteBatchWriter>();
        var gate = SqliteWriteGate.For(ConnectionString());
        var run = Guid.NewGuid().ToString("N")[..8];
        Task first, failing, refused, last;
        await gate.WaitAsync();
        try
        {
            first = writer.RunAsync(w => w.Insert(Charge($"{run}-first")));
            failing = writer.RunAsync(w =>
            {
                w.Insert(Charge($"{run}-half"));
                throw new InvalidOperationException("stops half way");
            });
            // The same key again: SQLite refuses the statement, and the next unit runs the same prepared INSERT.
            refused = writer.RunAsync(w =>
            {
                w.Insert(Charge($"{run}-also-half"));
                w.Insert(Charge($"{run}-first"));
            });
            last = writer.RunAsync(w => w.Insert(Charge($"{run}-last")));
            await WaitUntil(() => writer.Queued == 4);
        }
        finally
        {
            gate.Release();
        }

        await first;
        Assert.Equal("stops half way", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        await Assert.ThrowsAsync<DbUpdateException>(() => refused);
        await last;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        Assert.Equal([$"{run}-first", $"{run}-last"],
            (await db.TestCharges.AsNoTracking().Where(c => c.IdempotencyKey.StartsWith(run)).Select(c => c.IdempotencyKey).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_batched_write_is_counted_as_a_write_so_a_kept_retrieve_body_is_dropped()
    {
        var link = await Catalog.LinkAsync(_client, await Catalog.PriceAsync(_client));
        // Read twice: the body is kept from the first.
        (await _client.ApiGetAsync($"/api/payment-links/{link.Id}")).Expect(200);
        Assert.Equal("Link", (await _client.ApiGetAsync($"/api/payment-links/{link.Id}")).Expect(200)["name"].GetString());
        var writes = SqliteCommitCounter.Current(ConnectionString());
        await app.Services.GetRequiredService<SqliteBatchWriter>().RunAsync(w => w.Execute("UPDATE payment_links SET name = @p0 WHERE id = @p1", "Renamed in a batch", link.Id));
        Assert.True(SqliteCommitCounter.Current(ConnectionString()) > writes);
        Assert.Equal("Renamed in a batch", (await _client.ApiGetAsync($"/api/payment-links/{link.Id}")).Expect(200)["name"].GetString());
    }

    private static TestChargeRecord Charge(string key) => new() { IdempotencyKey = key, Succeeded = true, Amount = 100, CreatedAt = DateTime.UtcNow };

    private async Task<int> CountAsync() => (await _client.ApiGetAsync("/api/payment-links?pageSize=1")).Expect(200)["count"].GetInt32();

    private string ConnectionString()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PaylinkDbContext>().Database.GetConnectionString()!;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), "The writes did not queue in time.");
    }
}
