using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Data;

namespace Paylink.Browser.Tests.Promotions;

/// <summary>Coupons and promotion codes for page tests, made through the API; a fresh code each time.</summary>
internal static class Promo
{
    public const string UsedUp = "This code has been used the maximum number of times.";

    public static string NewCode(string prefix = "SAVE") => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>A coupon from <paramref name="coupon"/> and a promotion code for it; <paramref name="code"/> adds code options.</summary>
    public static async Task<(string CouponId, string CodeId, string Code)> CreateAsync(CheckoutServer server, JsonObject coupon, JsonObject? code = null)
    {
        var couponId = (await server.PostAsync("/api/coupons", coupon))["id"]!.GetValue<string>();
        var body = code ?? [];
        body["coupon_id"] = couponId;
        body["code"] ??= NewCode();
        var created = await server.PostAsync("/api/promotion-codes", body);
        return (couponId, created["id"]!.GetValue<string>(), created["code"]!.GetValue<string>());
    }

    public static async Task PutAsync(CheckoutServer server, string path, JsonObject body)
    {
        var response = await server.Api.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static JsonObject LinkWithCodes() => new() { ["allow_promotion_codes"] = true };

    /// <summary>The message beside the promotion code box, as the page shows it.</summary>
    public static string Status(string html)
    {
        var start = html.IndexOf("data-promo-status>", StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has no promotion code box.");
        start += "data-promo-status>".Length;
        return System.Net.WebUtility.HtmlDecode(html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)]);
    }

    /// <summary>Redemptions made and held right now, for a code and its coupon.</summary>
    public static async Task<(long CodeRedeemed, long CodeHeld, long CouponRedeemed, long CouponHeld)> CountsAsync(CheckoutServer server, string codeId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var code = await db.PromotionCodes.AsNoTracking().Include(p => p.Coupon).FirstAsync(p => p.Id == codeId);
        return (code.TimesRedeemed, code.RedemptionsReserved, code.Coupon!.TimesRedeemed, code.Coupon.RedemptionsReserved);
    }

    /// <summary>Charges the card processor decided for this link's sessions: declined or not, each is a charge attempt.</summary>
    public static async Task<int> ChargesForLinkAsync(CheckoutServer server, string linkId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var intents = await db.PaymentIntents.Where(p => db.CheckoutSessions.Any(s => s.Id == p.CheckoutSessionId && s.PaymentLinkId == linkId))
            .Select(p => p.Id).ToListAsync();
        var keys = await db.TestCharges.Select(c => c.IdempotencyKey).ToListAsync();
        return keys.Count(k => intents.Any(i => k.StartsWith(i + ":", StringComparison.Ordinal)));
    }
}
