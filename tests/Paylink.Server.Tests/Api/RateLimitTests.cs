using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>Rate limits are on by default and answer 429 in the error envelope.</summary>
public abstract class RateLimitTests(PaylinkApp app)
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Paylink:RateLimits:ApiPerSecond"] = "1",
    };

    [Fact]
    public async Task A_key_over_its_rate_gets_429_and_another_key_does_not()
    {
        var client = app.Client();

        var responses = new List<ApiResponse>();
        for (var i = 0; i < 12; i++)
        {
            responses.Add(await client.ApiGetAsync("/api/payment-currencies"));
        }

        Assert.Contains(responses, r => r.Status == 200);
        var limited = responses.Find(r => r.Status == 429);
        Assert.NotNull(limited);
        limited.ExpectError(429, "rate_limited", type: "rate_limit_error");
        Assert.True(int.TryParse(limited.Header("Retry-After"), out var wait) && wait >= 1, "429 without a Retry-After in seconds");
        (await app.LiveClient().ApiGetAsync("/api/payment-currencies")).Expect(200);
        (await app.Client(null).ApiGetAsync("/healthz")).Expect(200);
    }

    public sealed class SqliteLimited() : PaylinkApp(DatabaseKind.Sqlite, Settings);

    public sealed class PostgresLimited() : PaylinkApp(DatabaseKind.Postgres, Settings);

    public sealed class OnSqlite(SqliteLimited app) : RateLimitTests(app), IClassFixture<SqliteLimited>;

    public sealed class OnPostgres(PostgresLimited app) : RateLimitTests(app), IClassFixture<PostgresLimited>;
}

/// <summary>Rate limits switched off: no rate applies, however low it is set.</summary>
public sealed class RateLimitsOffTests(RateLimitsOffTests.App app) : IClassFixture<RateLimitsOffTests.App>
{
    [Fact]
    public async Task A_key_over_the_configured_rate_is_not_limited_when_limits_are_off()
    {
        var client = app.Client();
        for (var i = 0; i < 12; i++)
        {
            (await client.ApiGetAsync("/api/payment-currencies")).Expect(200);
        }
    }

    public sealed class App() : PaylinkApp(DatabaseKind.Sqlite, new Dictionary<string, string?>
    {
        ["Paylink:RateLimits:ApiPerSecond"] = "1",
        ["Paylink:RateLimits:Enabled"] = "false",
    });
}
