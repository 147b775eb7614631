using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Data;
using Paylink.Server.Features.Checkout.Processing;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>The test-mode processor decides once per idempotency key and keeps only the brand and last four digits.</summary>
public abstract class TestProcessorTests(PaylinkApp app)
{
    [Fact]
    public async Task A_key_charged_again_gets_its_first_decision_whatever_the_card()
    {
        var processor = app.Services.GetRequiredService<ICardProcessor>();
        var key = "pi_test_" + Guid.NewGuid().ToString("N") + ":1";

        var first = await processor.ChargeAsync(new ChargeRequest(key, 2000, "usd", Card("4000000000000002")), CancellationToken.None);
        var again = await processor.ChargeAsync(new ChargeRequest(key, 2000, "usd", Card("4242424242424242")), CancellationToken.None);

        Assert.False(first.Succeeded);
        Assert.Equal("card_declined", first.DeclineCode);
        Assert.Equal(first, again);
        Assert.Equal(first, await processor.ChargeAsync(new ChargeRequest(key, 2000, "usd", Card("5555555555554444")), CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_charges_of_one_key_all_get_the_same_decision_and_one_record()
    {
        var processor = app.Services.GetRequiredService<ICardProcessor>();
        var key = "pi_test_" + Guid.NewGuid().ToString("N") + ":1";
        string[] cards = ["4242424242424242", "4000000000000002", "4000000000009995", "5555555555554444"];

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            processor.ChargeAsync(new ChargeRequest(key, 2000, "usd", Card(cards[i % cards.Length])), CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(results[0], r));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var stored = await db.TestCharges.AsNoTracking().SingleAsync(c => c.IdempotencyKey == key);
        Assert.Equal(results[0].Succeeded, stored.Succeeded);
        Assert.Equal(results[0].Last4, stored.CardLast4);
    }

    private static CardInput Card(string number) => new(number, 12, 2034, "123", "Test Buyer");

    public sealed class OnSqlite(SqliteApp app) : TestProcessorTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TestProcessorTests(app), IClassFixture<PostgresApp>;
}
