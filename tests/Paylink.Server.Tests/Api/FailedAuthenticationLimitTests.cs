using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// An address that keeps sending wrong keys is slowed down: past the limit its failures are a 429 with
/// <c>Retry-After</c>, while a valid key from the same address, and other addresses, are unaffected.
/// </summary>
public abstract class FailedAuthenticationLimitTests(PaylinkApp app)
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Paylink:RateLimits:FailedAuthPerMinute"] = "3",
    };

    private sealed record Answer(int Status, string? Code, string? Type, string? RetryAfter);

    /// <summary>A GET of the links list as if from <paramref name="address"/>, with <paramref name="key"/> (none when null).</summary>
    private async Task<Answer> FromAsync(string address, string? key)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/api/payment-links";
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            if (key is not null)
            {
                c.Request.Headers.Authorization = "Bearer " + key;
            }
        });
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        var error = context.Response.StatusCode >= 400 ? JsonDocument.Parse(body).RootElement.GetProperty("error") : (JsonElement?)null;
        return new Answer(context.Response.StatusCode, error?.GetProperty("code").GetString(), error?.GetProperty("type").GetString(),
            context.Response.Headers.RetryAfter.ToString() is { Length: > 0 } retry ? retry : null);
    }

    [Fact]
    public async Task Past_the_limit_wrong_keys_from_one_address_get_429_and_a_valid_key_still_works()
    {
        const string address = "203.0.113.7";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(401, (await FromAsync(address, "sk_test_wrong" + i)).Status);
        }

        var limited = await FromAsync(address, "sk_test_wrong_again");
        Assert.Equal(new Answer(429, "rate_limited", "rate_limit_error", limited.RetryAfter), limited);
        Assert.InRange(int.Parse(limited.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(429, (await FromAsync(address, null)).Status);

        Assert.Equal(200, (await FromAsync(address, PaylinkApp.TestKey)).Status);
        Assert.Equal(401, (await FromAsync("203.0.113.8", "sk_test_wrong")).Status);
    }

    [Fact]
    public async Task An_IPv6_client_is_counted_by_its_64_bit_prefix()
    {
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(401, (await FromAsync($"2001:db8:0:7::{i}", "sk_test_wrong")).Status);
        }

        Assert.Equal(429, (await FromAsync("2001:db8:0:7::ffff", "sk_test_wrong")).Status);
        Assert.Equal(401, (await FromAsync("2001:db8:0:8::1", "sk_test_wrong")).Status);
    }

    public sealed class SqliteLimited() : PaylinkApp(DatabaseKind.Sqlite, Settings);

    public sealed class PostgresLimited() : PaylinkApp(DatabaseKind.Postgres, Settings);

    public sealed class OnSqlite(SqliteLimited app) : FailedAuthenticationLimitTests(app), IClassFixture<SqliteLimited>;

    public sealed class OnPostgres(PostgresLimited app) : FailedAuthenticationLimitTests(app), IClassFixture<PostgresLimited>;
}
