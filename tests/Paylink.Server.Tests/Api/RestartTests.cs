using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Paylink.Data;
using Paylink.Server.Startup;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>A server stopped and started again on the same database keeps everything.</summary>
public abstract partial class RestartTests(DatabaseKind kind)
{
    [Fact]
    public async Task Data_counts_and_idempotent_answers_survive_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        string linkId, archivedId, idempotencyKey = Guid.NewGuid().ToString();
        string createdText, body;
        await using (var first = new PaylinkApp(database))
        {
            var client = first.Client();
            var price = await Catalog.PriceAsync(client);
            body = Catalog.SeedBody(price);
            var created = (await client.ApiPostAsync("/api/payment-links", body, idempotencyKey)).Expect(200);
            (linkId, createdText) = (created.Id, created.Text);
            archivedId = (await Catalog.LinkAsync(client, price, "Archived")).Id;
            (await client.ApiPutAsync($"/api/payment-links/{archivedId}/archive", (string?)null)).Expect(200);
        }

        await using var second = new PaylinkApp(database);
        var again = second.Client();

        var link = (await again.ApiGetAsync($"/api/payment-links/{linkId}")).Expect(200);
        Assert.Equal("Monthly Subscription Box", link["name"].GetString());
        Assert.Equal("""{"order_id":"6735"}""", link["metadata"].GetRawText());
        Assert.False((await again.ApiGetAsync($"/api/payment-links/{archivedId}")).Expect(200)["active"].GetBoolean());
        Assert.Equal(2, (await again.ApiGetAsync("/api/payment-links")).Expect(200)["count"].GetInt32());
        Assert.Equal(1, (await again.ApiGetAsync("/api/payment-links?active=true")).Expect(200)["count"].GetInt32());
        Assert.Equal(1, (await again.ApiGetAsync("/api/payment-links?active=false")).Expect(200)["count"].GetInt32());
        var replay = (await again.ApiPostAsync("/api/payment-links", body, idempotencyKey)).Expect(200);
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));
        Assert.Equal(createdText, replay.Text);
    }

    [Fact]
    public async Task Generated_keys_are_kept_hashed_and_the_test_key_works_after_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var noKeys = new Dictionary<string, string?> { ["Paylink:SecretKeys:Test"] = null, ["Paylink:SecretKeys:Live"] = null };
        string testKey;
        await using (var first = new PaylinkApp(database, noKeys))
        {
            (await first.Client(PaylinkApp.TestKey).ApiGetAsync("/api/payment-links")).ExpectError(401, "unauthorized", type: "authentication_error");
            var report = await KeyBootstrap.EnsureAsync(first.Services, first.Services.GetRequiredService<IOptions<PaylinkOptions>>().Value);
            testKey = report.TestKey!;
            Assert.StartsWith("sk_test_", testKey);
            Assert.Null(report.NewLiveKey);
            (await first.Client(testKey).ApiGetAsync("/api/payment-links")).Expect(200);

            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
            var stored = await db.ApiKeys.AsNoTracking().ToListAsync();
            Assert.Equal(2, stored.Count);
            Assert.All(stored, k => Assert.Equal(64, k.KeyHash.Length));
            Assert.DoesNotContain(stored, k => k.KeyHash.Contains(testKey, StringComparison.Ordinal) || (k.ProtectedKey ?? "").Contains(testKey, StringComparison.Ordinal));
            Assert.Null(Assert.Single(stored, k => k.Livemode).ProtectedKey);
        }

        await using var second = new PaylinkApp(database, noKeys);
        (await second.Client(testKey).ApiGetAsync("/api/payment-links")).Expect(200);
        var again = await KeyBootstrap.EnsureAsync(second.Services, second.Services.GetRequiredService<IOptions<PaylinkOptions>>().Value);
        Assert.Equal(testKey, again.TestKey);
        Assert.Null(again.NewLiveKey);
    }

    [Fact]
    public async Task A_payment_page_opened_before_a_restart_is_paid_after_it()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        string linkId, cookie;
        Dictionary<string, string> fields;
        await using (var first = new PaylinkApp(database))
        {
            var client = first.Client();
            linkId = (await Catalog.LinkAsync(client, await Catalog.PriceAsync(client), "Before restart")).Id;
            var page = await client.GetAsync($"/checkout/pay/{linkId}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            cookie = page.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
            fields = HiddenField().Matches(await page.Content.ReadAsStringAsync())
                .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
            Assert.Contains("token", fields.Keys);
        }

        await using var second = new PaylinkApp(database);
        // A browser that kept the cookie from before: sent by hand, so the client's own cookie jar stays out of it.
        var again = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        again.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PaylinkApp.TestKey);
        fields["name"] = "Ada After";
        fields["email"] = "after@example.com";
        fields["card_number"] = "4242424242424242";
        fields["card_expiry"] = "12/34";
        fields["card_cvc"] = "123";
        fields["action"] = "pay";
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/checkout/pay/{linkId}") { Content = new FormUrlEncodedContent(fields) };
        submit.Headers.Add("Cookie", cookie);
        var paid = await again.SendAsync(submit);

        Assert.True(paid.StatusCode == HttpStatusCode.SeeOther, await paid.Content.ReadAsStringAsync());
        var sessions = (await again.ApiGetAsync($"/api/checkout-sessions?payment_link_id={linkId}")).Expect(200);
        Assert.Equal("complete", sessions["list"][0].GetProperty("status").GetString());
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    public sealed class OnSqlite() : RestartTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : RestartTests(DatabaseKind.Postgres);
}
