using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paylink.Data;
using Paylink.Server.Infrastructure;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary><c>Idempotency-Key</c> on POST: replays, reuse with another body, and many requests racing with one key.</summary>
public abstract class IdempotencyTests(PaylinkApp app)
{
    private readonly HttpClient _client = app.Client();

    private async Task<int> CountNamedAsync(HttpClient client, string name) =>
        (await client.ApiGetAsync($"/api/payment-links?q={Uri.EscapeDataString(name)}")).Expect(200)["count"].GetInt32();

    [Fact]
    public async Task The_same_key_and_body_replay_the_first_response_and_make_one_link()
    {
        var price = await Catalog.PriceAsync(_client);
        var name = "Replay " + Guid.NewGuid().ToString("N");
        var body = Catalog.LinkBody(price, name);
        var key = Guid.NewGuid().ToString();

        var first = (await _client.ApiPostAsync("/api/payment-links", body, key)).Expect(200);
        var second = (await _client.ApiPostAsync("/api/payment-links", body, key)).Expect(200);

        Assert.Null(first.Header("Idempotent-Replayed"));
        Assert.Equal("true", second.Header("Idempotent-Replayed"));
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(1, await CountNamedAsync(_client, name));

        var fresh = (await _client.ApiPostAsync("/api/payment-links", body, Guid.NewGuid().ToString())).Expect(200);
        Assert.NotEqual(first.Id, fresh.Id);
        Assert.Equal(2, await CountNamedAsync(_client, name));
    }

    [Fact]
    public async Task A_key_sent_again_is_answered_without_an_error_in_the_log()
    {
        var errors = new ConcurrentQueue<string>();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(new ErrorLogs(errors));
        var price = await Catalog.PriceAsync(_client);
        var body = Catalog.LinkBody(price, "Logged " + Guid.NewGuid().ToString("N"));
        var key = Guid.NewGuid().ToString();

        (await _client.ApiPostAsync("/api/payment-links", body, key)).Expect(200);
        Assert.Equal("true", (await _client.ApiPostAsync("/api/payment-links", body, key)).Expect(200).Header("Idempotent-Replayed"));
        (await _client.ApiPostAsync("/api/payment-links", body + " ", key)).ExpectError(400, "idempotency_key_reused", "Idempotency-Key", type: "idempotency_error");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_400()
    {
        var price = await Catalog.PriceAsync(_client);
        var key = Guid.NewGuid().ToString();
        var name = "Reuse " + Guid.NewGuid().ToString("N");
        (await _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(price, name), key)).Expect(200);

        var other = await _client.ApiPostAsync("/api/payment-links", Catalog.LinkBody(price, name + " two"), key);

        other.ExpectError(400, "idempotency_key_reused", "Idempotency-Key", type: "idempotency_error");
        Assert.Equal(1, await CountNamedAsync(_client, name));
    }

    [Fact]
    public async Task A_validation_error_is_replayed_too_and_keys_belong_to_one_credential()
    {
        var key = Guid.NewGuid().ToString();
        var first = await _client.ApiPostAsync("/api/payment-links", """{"name":""}""", key);
        var again = await _client.ApiPostAsync("/api/payment-links", """{"name":""}""", key);
        first.ExpectError(400, "parameter_invalid", "name");
        Assert.Equal("true", again.Expect(400).Header("Idempotent-Replayed"));
        Assert.Equal(first.Text, again.Text);

        var live = app.LiveClient();
        var livePrice = await Catalog.PriceAsync(live);
        var liveLink = (await live.ApiPostAsync("/api/payment-links", Catalog.LinkBody(livePrice), key)).Expect(200);
        Assert.Null(liveLink.Header("Idempotent-Replayed"));
        Assert.True(liveLink["livemode"].GetBoolean());
    }

    [Fact]
    public async Task A_stored_response_is_forgotten_after_24_hours_and_its_key_then_runs_as_a_new_request()
    {
        var price = await Catalog.PriceAsync(_client);
        var body = Catalog.LinkBody(price, "Expiring " + Guid.NewGuid().ToString("N"));
        var oldKey = Guid.NewGuid().ToString();
        var freshKey = Guid.NewGuid().ToString();
        var first = (await _client.ApiPostAsync("/api/payment-links", body, oldKey)).Expect(200);
        (await _client.ApiPostAsync("/api/payment-links", body, freshKey)).Expect(200);
        var dayAndAMinuteAgo = DateTime.UtcNow - Idempotency.Retention - TimeSpan.FromMinutes(1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
            Assert.Equal(1, await db.IdempotencyRecords.Where(r => r.Key == oldKey).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, dayAndAMinuteAgo)));
        }

        var pruned = await app.Services.GetRequiredService<IdempotencySweeper>().PruneAsync(CancellationToken.None);

        Assert.True(pruned >= 1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
            Assert.False(await db.IdempotencyRecords.AnyAsync(r => r.Key == oldKey));
            Assert.True(await db.IdempotencyRecords.AnyAsync(r => r.Key == freshKey));
        }

        Assert.Equal("true", (await _client.ApiPostAsync("/api/payment-links", body, freshKey)).Expect(200).Header("Idempotent-Replayed"));
        var again = (await _client.ApiPostAsync("/api/payment-links", body, oldKey)).Expect(200);
        Assert.Null(again.Header("Idempotent-Replayed"));
        Assert.NotEqual(first.Id, again.Id);
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_a_400()
    {
        const int length = 256;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/products") { Content = new StringContent("""{"name":"Box"}""", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', length));

        (await _client.ApiSendAsync(request)).ExpectError(400, "idempotency_key_invalid", "Idempotency-Key", type: "idempotency_error");
    }

    [Fact]
    public async Task Twenty_concurrent_requests_with_one_key_make_one_link()
    {
        var price = await Catalog.PriceAsync(_client);
        var name = "Race " + Guid.NewGuid().ToString("N");
        var body = Catalog.LinkBody(price, name);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _client.ApiPostAsync("/api/payment-links", body, key)));

        var made = Assert.Single(responses, r => r.Status == 200 && r.Header("Idempotent-Replayed") is null);
        foreach (var other in responses.Where(r => r != made))
        {
            if (other.Status == 409)
            {
                other.ExpectError(409, "idempotency_key_in_use", "Idempotency-Key", type: "idempotency_error");
            }
            else
            {
                Assert.Equal("true", other.Expect(200).Header("Idempotent-Replayed"));
                Assert.Equal(made.Text, other.Text);
            }
        }

        Assert.Equal(1, await CountNamedAsync(_client, name));
        var replay = (await _client.ApiPostAsync("/api/payment-links", body, key)).Expect(200);
        Assert.Equal(made.Id, replay.Id);
    }

    /// <summary>Keeps the entries logged at Error or above, from when it is added.</summary>
    private sealed class ErrorLogs(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }

    public sealed class OnSqlite(SqliteApp app) : IdempotencyTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : IdempotencyTests(app), IClassFixture<PostgresApp>;
}
