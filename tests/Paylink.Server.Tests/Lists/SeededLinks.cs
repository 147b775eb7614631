using Microsoft.Extensions.Time.Testing;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Lists;

/// <summary>A payment link as the API last returned it while seeding.</summary>
public sealed record SeededLink(string Id, string Name, bool Active, string CreatedAt, string UpdatedAt);

/// <summary>
/// A server holding 250 test-mode payment links made through the API, eight at a time on a fake clock
/// that moves only between batches, so many links share a <c>created_at</c> or <c>updated_at</c> (ties
/// broken by id). Names repeat and differ only in case or accents; a third of the links were then
/// renamed or archived in later batches.
/// </summary>
public abstract class SeededLinks : PaylinkApp
{
    public const int Total = 250;
    private const int Concurrency = 8;

    private static readonly string[] Names =
    [
        "apple", "Apple", "Äpfel", "banana", "Banana", "_underscore", "123 numbers", "Zebra", "zebra",
        "émile", "Ωmega", "a", "ab", "a b", "Box", "box", "Box-1",
    ];

    private readonly FakeTimeProvider _time;

    protected SeededLinks(DatabaseKind kind)
        : this(kind, new FakeTimeProvider(new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero)))
    {
    }

    private SeededLinks(DatabaseKind kind, FakeTimeProvider time)
        : base(kind, new Dictionary<string, string?> { ["Paylink:RateLimits:Enabled"] = "false" }, time)
    {
        _time = time;
    }

    public IReadOnlyList<SeededLink> Links { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var client = Client();
        var price = await Catalog.PriceAsync(client);
        var links = new SeededLink[Total];

        await InBatchesAsync(Enumerable.Range(0, Total), async i =>
        {
            var created = await Catalog.LinkAsync(client, price, Names[i * 7 % Names.Length]);
            links[i] = Read(created);
        });

        await InBatchesAsync(Enumerable.Range(0, Total).Where(i => i % 3 == 1), async i =>
        {
            var changed = i % 2 == 0
                ? await client.ApiPutAsync($"/api/payment-links/{links[i].Id}/archive", (string?)null)
                : await client.ApiPutAsync($"/api/payment-links/{links[i].Id}", $$"""{"name":"{{Names[(i * 5 + 3) % Names.Length]}}"}""");
            links[i] = Read(changed.Expect(200));
        });

        Links = links;
    }

    private async Task InBatchesAsync(IEnumerable<int> indexes, Func<int, Task> action)
    {
        foreach (var batch in indexes.Chunk(Concurrency))
        {
            await Task.WhenAll(batch.Select(action));
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    private static SeededLink Read(ApiResponse link) => new(
        link.Id,
        link["name"].GetString()!,
        link["active"].GetBoolean(),
        link["created_at"].GetString()!,
        link["updated_at"].GetString()!);
}

public sealed class SqliteSeededLinks() : SeededLinks(DatabaseKind.Sqlite);

public sealed class PostgresSeededLinks() : SeededLinks(DatabaseKind.Postgres);
