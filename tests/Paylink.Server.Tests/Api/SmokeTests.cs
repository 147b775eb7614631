using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

public abstract class SmokeTests(PaylinkApp app)
{
    [Fact]
    public async Task Healthz_answers()
    {
        var response = await app.Client(null).GetAsync("/healthz");
        Assert.Equal(200, (int)response.StatusCode);
    }

    public sealed class OnSqlite(SqliteApp app) : SmokeTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : SmokeTests(app), IClassFixture<PostgresApp>;
}
