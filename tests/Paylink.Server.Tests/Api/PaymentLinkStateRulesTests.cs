using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Data;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// The create-table rules that depend on settings or on states the API cannot make yet (a recurring
/// price, a link whose session limit was reached): those states are written to the database directly.
/// </summary>
public abstract class PaymentLinkStateRulesTests(PaylinkApp app)
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Paylink:Currencies:Disabled"] = "cny",
        ["Paylink:TermsOfServiceUrl"] = "https://example.com/terms",
    };

    private readonly HttpClient _client = app.Client();

    private async Task ChangeAsync(Func<PaylinkDbContext, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<PaylinkDbContext>());
    }

    [Fact]
    public async Task An_inactive_currency_is_refused()
    {
        (await _client.ApiPostAsync("/api/products", """{"name":"Tea","prices":[{"currency_id":"cny","unit_amount":"8.00"}]}"""))
            .ExpectError(400, "parameter_invalid", "prices[0].currency_id");
        var price = await Catalog.PriceAsync(_client);

        (await _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(price).With("currency_id", "\"CNY\"")))
            .ExpectError(400, "parameter_invalid", "currency_id");

        var cny = (await _client.ApiGetAsync("/api/payment-currencies/cny")).Expect(200);
        Assert.False(cny["active"].GetBoolean());
    }

    [Fact]
    public async Task Terms_may_be_required_once_the_server_has_a_terms_URL()
    {
        var price = await Catalog.PriceAsync(_client);

        var link = (await _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(price).With("consent_collection", """{"terms_of_service":"required"}"""))).Expect(200);

        Assert.Equal("required", link["consent_collection"].GetProperty("terms_of_service").GetString());
    }

    [Fact]
    public async Task A_price_that_is_not_one_time_is_refused()
    {
        var price = await Catalog.PriceAsync(_client);
        await ChangeAsync(db => db.Prices.Where(p => p.Id == price).ExecuteUpdateAsync(s => s.SetProperty(p => p.Type, "recurring")));

        (await _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(price))).ExpectError(400, "parameter_invalid", "line_items[0].price_id");
    }

    [Fact]
    public async Task A_link_at_its_session_limit_reactivates_only_with_a_higher_or_no_limit()
    {
        var price = await Catalog.PriceAsync(_client);
        var link = (await _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(price).With("restrictions", """{"completed_sessions":{"limit":2}}"""))).Expect(200);
        await ChangeAsync(db => db.PaymentLinks.Where(l => l.Id == link.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.CompletedSessionsCount, 2).SetProperty(l => l.Active, false)));

        (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"active":true}""")).ExpectError(400, "limit_reached", "active");
        (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"active":true,"restrictions":{"completed_sessions":{"limit":2}}}""")).ExpectError(400, "limit_reached", "active");

        var raised = (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"active":true,"restrictions":{"completed_sessions":{"limit":3}}}""")).Expect(200);
        Assert.True(raised["active"].GetBoolean());
        Assert.Equal(2, raised["restrictions"].GetProperty("completed_sessions").GetProperty("count").GetInt32());
        var unlimited = (await _client.ApiPutAsync($"/api/payment-links/{link.Id}", """{"restrictions":null}""")).Expect(200);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unlimited["restrictions"].ValueKind);
    }

    public sealed class SqliteConfigured() : PaylinkApp(DatabaseKind.Sqlite, Settings);

    public sealed class PostgresConfigured() : PaylinkApp(DatabaseKind.Postgres, Settings);

    public sealed class OnSqlite(SqliteConfigured app) : PaymentLinkStateRulesTests(app), IClassFixture<SqliteConfigured>;

    public sealed class OnPostgres(PostgresConfigured app) : PaymentLinkStateRulesTests(app), IClassFixture<PostgresConfigured>;
}
