using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Lists;

/// <summary>Walking 250 payment links by cursor, both ways, in every order and filter, with the count right.</summary>
public abstract class PaginationTests(SeededLinks app)
{
    private const int PageSize = 17;
    private readonly HttpClient _client = app.Client();

    public static TheoryData<string, string, string, int> Walks()
    {
        var data = new TheoryData<string, string, string, int>();
        var directions = new[] { "ASC", "DESC" };
        var filters = new[] { "", "true", "false" };
        foreach (var field in new[] { "created_at", "updated_at", "name" })
        {
            for (var d = 0; d < directions.Length; d++)
            {
                for (var f = 0; f < filters.Length; f++)
                {
                    // Every field meets every order form, in both directions.
                    data.Add(field, directions[d], filters[f], (d + f) % 3);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Walking_forward_and_back_returns_each_link_once_in_order(string field, string direction, string active, int orderForm)
    {
        var expected = Expected(field, direction == "DESC", active);
        Assert.True(expected.Count > 2 * PageSize);
        var query = OrderQuery(field, direction, orderForm) + (active.Length > 0 ? $"&active={active}" : "");

        var forward = new List<string>();
        string? cursor = null;
        for (var pages = 1; ; pages++)
        {
            var page = await PageAsync($"{query}{(cursor is null ? "" : $"&starting_after={cursor}")}", expected.Count);
            forward.AddRange(page.Ids);
            if (!page.HasMore)
            {
                Assert.Equal((expected.Count + PageSize - 1) / PageSize, pages);
                break;
            }

            cursor = forward[^1];
        }

        Assert.Equal(expected, forward);

        var backward = new List<string> { expected[^1] };
        cursor = expected[^1];
        while (true)
        {
            var page = await PageAsync($"{query}&ending_before={cursor}", expected.Count);
            backward.InsertRange(0, page.Ids);
            if (!page.HasMore)
            {
                break;
            }

            cursor = backward[0];
        }

        Assert.Equal(expected, backward);
    }

    [Fact]
    public async Task The_default_order_is_newest_first()
    {
        var page = await PageAsync("pageSize=100", Total, 100);

        Assert.Equal(Expected("created_at", descending: true, "").Take(100), page.Ids);
    }

    [Fact]
    public async Task An_order_without_direction_sorts_ascending()
    {
        var page = await PageAsync("order=name&pageSize=100", Total, 100);

        Assert.Equal(Expected("name", descending: false, "").Take(100), page.Ids);
    }

    [Fact]
    public async Task Page_numbers_walk_the_same_order_and_a_cursor_overrides_them()
    {
        var expected = Expected("name", descending: true, "true");

        var third = await PageAsync($"order=name:DESC&active=true&page=3&pageSize={PageSize}", expected.Count);
        Assert.Equal(expected.Skip(2 * PageSize).Take(PageSize), third.Ids);

        var after = expected[5];
        var cursorPage = await PageAsync($"order=name:DESC&active=true&page=3&pageSize={PageSize}&starting_after={after}", expected.Count);
        Assert.Equal(expected.Skip(6).Take(PageSize), cursorPage.Ids);
    }

    [Theory]
    [InlineData("q=apple")]
    [InlineData("q=Apple")]
    [InlineData("q=pfel")]
    [InlineData("q=b&active=false")]
    public async Task The_name_filter_is_a_case_sensitive_substring_and_counts_what_it_finds(string query)
    {
        var q = query.Split('&')[0]["q=".Length..];
        var active = query.Contains("active=false", StringComparison.Ordinal) ? "false" : "";
        var expected = Expected("created_at", descending: true, active).Where(id => Link(id).Name.Contains(q, StringComparison.Ordinal)).ToList();

        var page = await PageAsync($"{query}&pageSize=100", expected.Count, 100);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Take(100), page.Ids);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize", "parameter_invalid")]
    [InlineData("pageSize=101", "pageSize", "parameter_invalid")]
    [InlineData("pageSize=ten", "pageSize", "parameter_invalid")]
    [InlineData("page=0", "page", "parameter_invalid")]
    [InlineData("order=amount:ASC", "order", "parameter_invalid")]
    [InlineData("order=name:UP", "order", "parameter_invalid")]
    [InlineData("active=yes", "active", "parameter_invalid")]
    [InlineData("starting_after=pl_doesnotexist0000000000", "starting_after", "resource_missing")]
    [InlineData("ending_before=pl_doesnotexist0000000000", "ending_before", "resource_missing")]
    [InlineData("colour=blue", "colour", "parameter_unknown")]
    public async Task Bad_list_parameters_are_a_400(string query, string param, string code)
    {
        var response = await _client.ApiGetAsync($"/api/payment-links?{query}");

        response.ExpectError(400, code, param);
    }

    [Fact]
    public async Task Both_cursors_at_once_are_a_400()
    {
        var (first, last) = (app.Links[0].Id, app.Links[^1].Id);

        (await _client.ApiGetAsync($"/api/payment-links?starting_after={first}&ending_before={last}")).ExpectError(400, "parameter_invalid", "ending_before");
    }

    [Fact]
    public async Task A_link_archived_during_an_active_walk_still_marks_the_position()
    {
        // Live mode: its own links, so the seeded test-mode links stay as they are.
        var live = app.LiveClient();
        var price = await Catalog.PriceAsync(live);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Catalog.LinkAsync(live, price, $"Walk {i}")).Id);
        }

        var first = (await live.ApiGetAsync("/api/payment-links?active=true&order=name:ASC&pageSize=2")).Expect(200);
        var cursor = first["list"][1].GetProperty("id").GetString()!;
        (await live.ApiPutAsync($"/api/payment-links/{cursor}/archive", (string?)null)).Expect(200);

        var next = (await live.ApiGetAsync($"/api/payment-links?active=true&order=name:ASC&pageSize=2&starting_after={cursor}")).Expect(200);

        Assert.Equal(ids[2..4], next["list"].EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(4, next["count"].GetInt32());
        Assert.True(next["has_more"].GetBoolean());
    }

    public static string OrderQuery(string field, string direction, int form) => form switch
    {
        0 => $"order={field}:{direction}",
        1 => $"{Uri.EscapeDataString("order[0]")}={field}&{Uri.EscapeDataString("order[1]")}={direction}",
        _ => $"{Uri.EscapeDataString("order[0][0]")}={field}&{Uri.EscapeDataString("order[0][1]")}={direction}",
    };

    private SeededLink Link(string id) => app.Links.Single(l => l.Id == id);

    private List<string> Expected(string field, bool descending, string active)
    {
        var rows = app.Links.Where(l => active.Length == 0 || l.Active == (active == "true"));
        Func<SeededLink, string> key = field switch
        {
            "created_at" => l => l.CreatedAt,
            "updated_at" => l => l.UpdatedAt,
            _ => l => l.Name,
        };
        var ordered = descending
            ? rows.OrderByDescending(key, StringComparer.Ordinal).ThenByDescending(l => l.Id, StringComparer.Ordinal)
            : rows.OrderBy(key, StringComparer.Ordinal).ThenBy(l => l.Id, StringComparer.Ordinal);
        return ordered.Select(l => l.Id).ToList();
    }

    private const int Total = SeededLinks.Total;

    private sealed record Page(List<string> Ids, bool HasMore);

    private async Task<Page> PageAsync(string query, int expectedCount, int pageSize = PageSize)
    {
        var sized = query.Contains("pageSize=", StringComparison.Ordinal) ? query : $"{query}&pageSize={pageSize}";
        var response = (await _client.ApiGetAsync($"/api/payment-links?{sized}")).Expect(200);
        Assert.Equal(expectedCount, response["count"].GetInt32());
        Assert.Equal(pageSize, response["paging"].GetProperty("pageSize").GetInt32());
        var ids = response["list"].EnumerateArray().Select(l => l.GetProperty("id").GetString()!).ToList();
        Assert.InRange(ids.Count, 0, pageSize);
        return new Page(ids, response["has_more"].GetBoolean());
    }

    public sealed class OnSqlite(SqliteSeededLinks app) : PaginationTests(app), IClassFixture<SqliteSeededLinks>;

    public sealed class OnPostgres(PostgresSeededLinks app) : PaginationTests(app), IClassFixture<PostgresSeededLinks>;
}
