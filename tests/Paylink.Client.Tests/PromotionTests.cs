using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Data;

namespace Paylink.Client.Tests;

/// <summary>Coupons and promotion codes through the SDK: every field round-trips, the rules hold, events are recorded.</summary>
[Collection(ServerCollection.Name)]
public sealed class PromotionTests(PaylinkServer server)
{
    private static string NewCode() => "SPRING" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    [Fact]
    public async Task A_coupon_and_its_code_keep_every_field_and_change_only_what_an_update_names()
    {
        using var payment = server.CreatePaymentClient();
        var price = await Seed.PriceAsync(payment);
        var redeemBy = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds();
        var coupon = await payment.Coupons.CreateAsync(new CouponCreateOptions
        {
            PercentOff = 12.5m,
            Name = "Spring sale",
            MaxRedemptions = 100,
            RedeemBy = redeemBy,
            AppliesTo = new CouponAppliesTo { Products = [price.ProductId] },
            Metadata = new() { ["campaign"] = "spring" },
        });

        Assert.StartsWith("coupon_", coupon.Id, StringComparison.Ordinal);
        Assert.Equal(12.5m, coupon.PercentOff);
        Assert.Null(coupon.AmountOff);
        Assert.Equal("once", coupon.Duration);
        Assert.Equal(redeemBy, coupon.RedeemBy);
        Assert.Equal([price.ProductId], coupon.AppliesTo!.Products);
        Assert.True(coupon.Valid);
        Assert.Equal(0, coupon.TimesRedeemed);

        var typed = NewCode();
        var code = await payment.PromotionCodes.CreateAsync(new PromotionCodeCreateOptions
        {
            CouponId = coupon.Id,
            Code = typed,
            MaxRedemptions = 5,
            ExpiresAt = redeemBy - 60,
            Restrictions = new PromotionCodeRestrictions { MinimumAmount = "10.00", MinimumAmountCurrency = "USD", FirstTimeTransaction = true },
        });
        Assert.StartsWith("promo_", code.Id, StringComparison.Ordinal);
        Assert.Equal(typed, code.Code);
        Assert.True(code.Active);
        Assert.Equal("10.00", code.Restrictions.MinimumAmount);
        Assert.Equal("usd", code.Restrictions.MinimumAmountCurrency);
        Assert.True(code.Restrictions.FirstTimeTransaction);
        Assert.Equal(coupon.Id, code.Coupon!.Id);

        var found = await payment.PromotionCodes.ListAsync(new PromotionCodeListOptions { Code = typed.ToLowerInvariant() });
        Assert.Equal(code.Id, Assert.Single(found.List).Id);

        coupon = await payment.Coupons.UpdateAsync(coupon.Id, new CouponUpdateOptions { Name = "Spring sale, extended", RedeemBy = null });
        Assert.Equal("Spring sale, extended", coupon.Name);
        Assert.Null(coupon.RedeemBy);
        Assert.Equal(100, coupon.MaxRedemptions);
        Assert.Equal("spring", (string?)coupon.Metadata["campaign"]);

        code = await payment.PromotionCodes.UpdateAsync(code.Id, new PromotionCodeUpdateOptions { Active = false, Restrictions = null });
        Assert.False(code.Active);
        Assert.Null(code.Restrictions.MinimumAmount);
        Assert.False(code.Restrictions.FirstTimeTransaction);
        Assert.Equal(5, code.MaxRedemptions);
        Assert.Contains(await payment.PromotionCodes.ListAutoPagingAsync(new PromotionCodeListOptions { Active = false, CouponId = coupon.Id }).ToListAsync(),
            c => c.Id == code.Id);
        Assert.Contains(await payment.Coupons.ListAutoPagingAsync(new ListOptions { PageSize = 100 }).ToListAsync(), c => c.Id == coupon.Id);

        var amountOff = await payment.Coupons.CreateAsync(new CouponCreateOptions { AmountOff = "1500", CurrencyId = "JPY" });
        Assert.Equal("1500", amountOff.AmountOff);
        Assert.Equal("jpy", amountOff.CurrencyId);
        Assert.Null(amountOff.PercentOff);
        Assert.Null(amountOff.AppliesTo);
    }

    [Fact]
    public async Task Creating_coupons_and_codes_and_updating_codes_records_events_with_the_object_as_answered()
    {
        using var payment = server.CreatePaymentClient();
        var coupon = await payment.Coupons.CreateAsync(new CouponCreateOptions { PercentOff = 20 });
        var code = await payment.PromotionCodes.CreateAsync(new PromotionCodeCreateOptions { CouponId = coupon.Id });
        await payment.PromotionCodes.UpdateAsync(code.Id, new PromotionCodeUpdateOptions { Metadata = new() { ["batch"] = 7 } });

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var events = await db.Events.AsNoTracking().Where(e => e.DataJson.Contains(coupon.Id)).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["coupon.created", "promotion_code.created", "promotion_code.updated"], events.Select(e => e.Type));
        Assert.Contains("\"percent_off\":20", events[0].DataJson, StringComparison.Ordinal);
        Assert.Contains($"\"code\":\"{code.Code}\"", events[1].DataJson, StringComparison.Ordinal);
        Assert.Contains("\"batch\":7", events[2].DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_is_unique_among_active_codes_in_any_letter_case_and_one_is_made_up_when_none_is_given()
    {
        using var payment = server.CreatePaymentClient();
        var coupon = await payment.Coupons.CreateAsync(new CouponCreateOptions { AmountOff = "5.00", CurrencyId = "usd" });
        var typed = NewCode();
        var first = await payment.PromotionCodes.CreateAsync(new PromotionCodeCreateOptions { CouponId = coupon.Id, Code = typed });

        var taken = await Assert.ThrowsAsync<PaylinkException>(() =>
            payment.PromotionCodes.CreateAsync(new PromotionCodeCreateOptions { CouponId = coupon.Id, Code = typed.ToLowerInvariant() }));
        Assert.Equal("promotion_code_taken", taken.Code);
        Assert.Equal("code", taken.Param);

        await payment.PromotionCodes.UpdateAsync(first.Id, new PromotionCodeUpdateOptions { Active = false });
        var second = await payment.PromotionCodes.CreateAsync(new PromotionCodeCreateOptions { CouponId = coupon.Id, Code = typed.ToLowerInvariant() });
        Assert.True(second.Active);
        var reactivate = await Assert.ThrowsAsync<PaylinkException>(() =>
            payment.PromotionCodes.UpdateAsync(first.Id, new PromotionCodeUpdateOptions { Active = true }));
        Assert.Equal("promotion_code_taken", reactivate.Code);
        Assert.False((await payment.PromotionCodes.RetrieveAsync(first.Id)).Active);

        var generated = await payment.PromotionCodes.CreateAsync(new PromotionCodeCreateOptions { CouponId = coupon.Id });
        Assert.Matches("^[A-Z2-9]{8}$", generated.Code);
    }

    [Theory]
    [InlineData("""{"percent_off":0}""", "percent_off", "parameter_invalid")]
    [InlineData("""{"percent_off":100.5}""", "percent_off", "parameter_invalid")]
    [InlineData("""{"percent_off":12.345}""", "percent_off", "parameter_invalid")]
    [InlineData("""{}""", "percent_off", "parameter_missing")]
    [InlineData("""{"percent_off":10,"amount_off":"5.00","currency_id":"usd"}""", "amount_off", "parameter_invalid")]
    [InlineData("""{"amount_off":"5.00"}""", "currency_id", "parameter_missing")]
    [InlineData("""{"amount_off":"5.001","currency_id":"usd"}""", "amount_off", "parameter_invalid")]
    [InlineData("""{"amount_off":"0","currency_id":"usd"}""", "amount_off", "parameter_invalid")]
    [InlineData("""{"percent_off":10,"currency_id":"usd"}""", "currency_id", "parameter_invalid")]
    [InlineData("""{"percent_off":10,"duration":"forever"}""", "duration", "parameter_unsupported")]
    [InlineData("""{"percent_off":10,"redeem_by":1000}""", "redeem_by", "parameter_invalid")]
    [InlineData("""{"percent_off":10,"applies_to":{"products":["prod_missing"]}}""", "applies_to.products[0]", "resource_missing")]
    [InlineData("""{"percent_off":10,"times_redeemed":3}""", "times_redeemed", "parameter_invalid")]
    [InlineData("""{"percent_off":10,"colour":"red"}""", "colour", "parameter_unknown")]
    public async Task A_coupon_that_breaks_a_rule_is_refused_naming_the_field(string body, string param, string code)
    {
        Assert.Equal((400, param, code), await PostAsync("/api/coupons", body));
    }

    [Theory]
    [InlineData("""{"code":"NO SPACES"}""", "code", "parameter_invalid")]
    [InlineData("""{"expires_at":9999999999}""", "expires_at", "parameter_invalid")]
    [InlineData("""{"restrictions":{"minimum_amount":"10.00"}}""", "restrictions.minimum_amount_currency", "parameter_missing")]
    [InlineData("""{"restrictions":{"minimum_amount":"10.00","minimum_amount_currency":"eur"}}""", "restrictions.minimum_amount_currency", "parameter_invalid")]
    [InlineData("""{"customer":"cus_1"}""", "customer", "parameter_unsupported")]
    public async Task A_promotion_code_that_breaks_a_rule_is_refused_naming_the_field(string extra, string param, string code)
    {
        using var payment = server.CreatePaymentClient();
        // An amount-off coupon in usd that ends in a week: codes must not outlive it or set a minimum in another currency.
        var coupon = await payment.Coupons.CreateAsync(new CouponCreateOptions
        {
            AmountOff = "5.00",
            CurrencyId = "usd",
            RedeemBy = DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeSeconds(),
        });
        var body = extra.Insert(1, $"\"coupon_id\":\"{coupon.Id}\",");
        Assert.Equal((400, param, code), await PostAsync("/api/promotion-codes", body));
    }

    [Fact]
    public async Task What_a_coupon_takes_off_never_changes_after_creation()
    {
        using var payment = server.CreatePaymentClient();
        var coupon = await payment.Coupons.CreateAsync(new CouponCreateOptions { PercentOff = 10 });
        using var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", server.TestKey);
        var response = await http.PutAsync($"/api/coupons/{coupon.Id}", new StringContent("""{"percent_off":90}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("parameter_immutable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(10m, (await payment.Coupons.RetrieveAsync(coupon.Id)).PercentOff);
    }

    /// <summary>Posts a raw body (the SDK's typed options cannot send most broken ones) and reads the error's status, param and code.</summary>
    private async Task<(int Status, string? Param, string? Code)> PostAsync(string path, string body)
    {
        using var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", server.TestKey);
        var response = await http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var error = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"];
        return ((int)response.StatusCode, error?["param"]?.GetValue<string>(), error?["code"]?.GetValue<string>());
    }
}
