using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Data;
using Paylink.Data.Entities;

namespace Paylink.Browser.Tests;

/// <summary>What protects customers and merchants on the hosted page: headers, anti-forgery, no growth per view, no card numbers kept.</summary>
[Collection(CheckoutServerCollection.Name)]
public sealed class CheckoutSafetyTests(CheckoutServer server)
{
    [Fact]
    public async Task The_page_sends_a_content_security_policy_and_forbids_framing()
    {
        var (linkId, _) = await server.CreateLinkAsync();
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var csp = string.Join(";", page.Response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("form-action", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(page.Response.Headers.GetValues("X-Frame-Options")));
        Assert.DoesNotContain("<script>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_its_anti_forgery_token_is_rejected_and_charges_nothing()
    {
        var (linkId, _) = await server.CreateLinkAsync();
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}");
        var result = await customer.SubmitAsync(page, FormClient.Customer(), withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("security token", result.Html, StringComparison.Ordinal);
        var sessions = await server.GetAsync($"/api/checkout-sessions?payment_link_id={linkId}");
        Assert.Equal(0, sessions["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task Viewing_a_page_a_thousand_times_adds_no_database_rows()
    {
        var (linkId, _) = await server.CreateLinkAsync();
        using var visitor = new FormClient(server.BaseAddress);
        await visitor.GetAsync($"/checkout/pay/{linkId}");
        var before = await CountRowsAsync();

        for (var i = 0; i < 1000; i++)
        {
            using var bot = new FormClient(server.BaseAddress);
            var page = await bot.GetAsync($"/checkout/pay/{linkId}?locale={(i % 2 == 0 ? "en" : "zh")}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }

        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task The_confirmation_showing_the_card_and_email_is_not_kept_by_any_cache()
    {
        var (linkId, _) = await server.CreateLinkAsync();
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}");
        var paid = await customer.SubmitAsync(page, FormClient.Customer());
        Assert.Equal(HttpStatusCode.SeeOther, paid.Status);

        var confirmation = await customer.GetAsync(paid.Response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        Assert.Contains("4242", confirmation.Html, StringComparison.Ordinal);
        Assert.Contains("buyer@example.com", confirmation.Html, StringComparison.Ordinal);
        Assert.True(confirmation.Response.Headers.CacheControl?.NoStore, $"Cache-Control: {confirmation.Response.Headers.CacheControl}");
        using var plain = new HttpClient { BaseAddress = server.BaseAddress };
        using var missing = await plain.GetAsync("/checkout/pay/plink_missing");
        Assert.True(missing.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Only_the_brand_and_last_four_digits_of_a_card_are_stored_or_logged()
    {
        var (linkId, _) = await server.CreateLinkAsync();
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}");
        var declined = await customer.SubmitAsync(page, FormClient.Customer(card: "4000000000000002"));
        Assert.Equal(HttpStatusCode.PaymentRequired, declined.Status);
        var paid = await customer.SubmitAsync(declined, FormClient.Customer(card: "4242 4242 4242 4242"));
        Assert.Equal(HttpStatusCode.SeeOther, paid.Status);

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
            var intent = await db.PaymentIntents.AsNoTracking().SingleAsync(p => p.CheckoutSessionId != null && p.CardLast4 == "4242" && p.Status == PaymentIntentStatus.Succeeded
                && db.CheckoutSessions.Any(s => s.Id == p.CheckoutSessionId && s.PaymentLinkId == linkId));
            Assert.Equal("visa", intent.CardBrand);
        }

        foreach (var number in new[] { "4242424242424242", "4000000000000002" })
        {
            foreach (var file in Directory.EnumerateFiles(server.DataDir, "*", SearchOption.AllDirectories))
            {
                var bytes = await ReadSharedAsync(file);
                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(number)), $"{Path.GetFileName(file)} holds the card number {number}.");
                Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(number)), $"{Path.GetFileName(file)} holds the card number {number} (UTF-16).");
            }

            Assert.DoesNotContain(server.Logs, line => line.Contains(number, StringComparison.Ordinal) || line.Contains(number[..8] + " " + number[8..], StringComparison.Ordinal));
        }

        Assert.NotEmpty(server.Logs);
    }

    private async Task<long> CountRowsAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        return await db.Products.LongCountAsync() + await db.Prices.LongCountAsync() + await db.PaymentLinks.LongCountAsync()
            + await db.CheckoutSessions.LongCountAsync() + await db.PaymentIntents.LongCountAsync() + await db.Customers.LongCountAsync()
            + await db.Events.LongCountAsync() + await db.TestCharges.LongCountAsync() + await db.IdempotencyRecords.LongCountAsync()
            + await db.ApiKeys.LongCountAsync() + await db.ListCounters.LongCountAsync() + await db.DataProtectionKeys.LongCountAsync() + await db.SigningKeys.LongCountAsync();
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
