using System.Globalization;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// Over the checkout rate, a hosted page's form post gets a page of its own, in the page's language, saying
/// how many seconds to wait — the same number its <c>Retry-After</c> header gives — not the API's JSON.
/// </summary>
public abstract class CheckoutRateLimitPageTests(PaylinkApp app)
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Paylink:RateLimits:CheckoutPerMinute"] = "1",
    };

    [Theory]
    [InlineData("/checkout/pay/plink_missing", "en-US", "en", "Too many attempts", "Try again in {0} seconds.")]
    [InlineData("/checkout/pay/plink_missing?locale=zh", "en-US", "zh-CN", "尝试次数过多", "请在 {0} 秒后重试。")]
    [InlineData("/checkout/session/cs_missing/preview", "zh-CN,zh;q=0.9", "zh-CN", "尝试次数过多", "请在 {0} 秒后重试。")]
    public async Task A_form_post_over_the_rate_gets_a_page_saying_how_long_to_wait(string path, string acceptLanguage, string lang, string title, string wait)
    {
        var client = app.Client(null);

        // The limit is one post a minute: of two posts in a row, at least the second is refused.
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 3 && limited is null; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new("email", "buyer@example.com")]) };
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
            var response = await client.SendAsync(request);
            if ((int)response.StatusCode == 429)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        var seconds = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        var html = await limited.Content.ReadAsStringAsync();
        Assert.Equal("text/html", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.CacheControl?.NoStore);
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, wait, seconds), html, StringComparison.Ordinal);
    }

    public sealed class SqliteLimited() : PaylinkApp(DatabaseKind.Sqlite, Settings);

    public sealed class PostgresLimited() : PaylinkApp(DatabaseKind.Postgres, Settings);

    public sealed class OnSqlite(SqliteLimited app) : CheckoutRateLimitPageTests(app), IClassFixture<SqliteLimited>;

    public sealed class OnPostgres(PostgresLimited app) : CheckoutRateLimitPageTests(app), IClassFixture<PostgresLimited>;
}
