using System.Text.Json.Nodes;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>Many writers at once: nothing is lost, counts stay right.</summary>
public abstract class ConcurrencyTests(PaylinkApp app)
{
    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task Fifty_concurrent_creates_all_land()
    {
        var price = await Catalog.PriceAsync(_client);
        var name = "Crowd " + Guid.NewGuid().ToString("N");
        var before = (await _client.ApiGetAsync("/api/payment-links?pageSize=1")).Expect(200)["count"].GetInt32();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(price, $"{name} {i:D2}"))));

        Assert.All(responses, r => r.Expect(200));
        var made = responses.Select(r => r.Id).ToHashSet();
        Assert.Equal(50, made.Count);
        var listed = (await _client.ApiGetAsync($"/api/payment-links?q={Uri.EscapeDataString(name)}&pageSize=100&order=name:ASC")).Expect(200);
        Assert.Equal(50, listed["count"].GetInt32());
        Assert.Equal(made.Order(StringComparer.Ordinal), listed["list"].EnumerateArray().Select(l => l.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        var after = (await _client.ApiGetAsync("/api/payment-links?pageSize=1&active=true")).Expect(200);
        Assert.Equal(before + 50, (await _client.ApiGetAsync("/api/payment-links?pageSize=1")).Expect(200)["count"].GetInt32());
        Assert.True(after["count"].GetInt32() >= 50);
    }

    [Fact]
    public async Task Concurrent_metadata_updates_of_one_link_all_merge()
    {
        var link = await Catalog.LinkAsync(_client, await Catalog.PriceAsync(_client));

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            _client.ApiPutAsync($"/api/payment-links/{link.Id}", new JsonObject { ["metadata"] = new JsonObject { [$"k{i}"] = $"v{i}" } })));

        Assert.All(responses, r => r.Expect(200));
        var final = (await _client.ApiGetAsync($"/api/payment-links/{link.Id}")).Expect(200);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"k{i}").Order(StringComparer.Ordinal),
            final["metadata"].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Concurrent_archives_and_reactivations_keep_the_active_count_right()
    {
        var price = await Catalog.PriceAsync(_client);
        var links = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            links.Add((await Catalog.LinkAsync(_client, price)).Id);
        }

        // Half the links flip to inactive while the other half flip twice; both directions race on the counters.
        await Task.WhenAll(links.Take(5).Select(id => _client.ApiPutAsync($"/api/payment-links/{id}/archive", (string?)null)));
        var flips = links.Select((id, i) => i < 5
            ? _client.ApiPutAsync($"/api/payment-links/{id}", """{"active":true}""")
            : _client.ApiPutAsync($"/api/payment-links/{id}/archive", (string?)null));
        Assert.All(await Task.WhenAll(flips), r => r.Expect(200));

        var active = await ActiveIdsAsync(true);
        var inactive = await ActiveIdsAsync(false);
        Assert.Subset(active.Ids, links.Take(5).ToHashSet());
        Assert.Subset(inactive.Ids, links.Skip(5).ToHashSet());
        Assert.Equal(active.Ids.Count, active.Count);
        Assert.Equal(inactive.Ids.Count, inactive.Count);
    }

    private async Task<(HashSet<string> Ids, int Count)> ActiveIdsAsync(bool active)
    {
        var ids = new HashSet<string>();
        string? after = null;
        int count;
        while (true)
        {
            var page = (await _client.ApiGetAsync($"/api/payment-links?active={(active ? "true" : "false")}&pageSize=100{(after is null ? "" : $"&starting_after={after}")}")).Expect(200);
            count = page["count"].GetInt32();
            foreach (var link in page["list"].EnumerateArray())
            {
                ids.Add(after = link.GetProperty("id").GetString()!);
            }

            if (!page["has_more"].GetBoolean())
            {
                return (ids, count);
            }
        }
    }

    public sealed class OnSqlite(SqliteApp app) : ConcurrencyTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ConcurrencyTests(app), IClassFixture<PostgresApp>;
}
