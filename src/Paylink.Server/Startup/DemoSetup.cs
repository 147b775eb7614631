using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.PaymentLinks;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Startup;

/// <summary>
/// With <c>--Paylink:Demo=true</c> (or <c>Paylink__Demo=true</c>): a test-mode product, price and payment
/// link to try the payment page with, made once (found again by the link's lookup key <c>demo</c>).
/// </summary>
public static class DemoSetup
{
    public const string LookupKey = "demo";

    public static async Task<string> EnsureAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var existing = await db.PaymentLinks.AsNoTracking().FirstOrDefaultAsync(l => !l.Livemode && l.LookupKey == LookupKey);
        if (existing is not null)
        {
            return existing.Id;
        }

        var now = time.UtcNow();
        var product = new ProductRecord
        {
            Id = Ids.New("prod"),
            Name = "Monthly Subscription Box",
            Description = "A box of surprises, delivered every month.",
            Used = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var price = new PriceRecord { Id = Ids.New("price"), ProductId = product.Id, CurrencyId = "usd", UnitAmount = 2000, CreatedAt = now, UpdatedAt = now };
        var draft = new PaymentLinkDraft
        {
            Name = "Demo link",
            CurrencyId = "usd",
            LineItems = [new Paylink.Client.PaymentLinkLineItem { PriceId = price.Id, Quantity = 1, AdjustableQuantity = new() { Enabled = true, Minimum = 1, Maximum = 10 } }],
            LookupKey = LookupKey,
        };
        var link = new PaymentLinkRecord { Id = Ids.New("pl"), Name = draft.Name, CurrencyId = "usd", CreatedVia = "dashboard", CreatedAt = now, UpdatedAt = now };
        draft.CopyTo(link);
        product.DefaultPriceId = price.Id;

        await using var transaction = await db.BeginWriteAsync();
        db.AddRange(product, price, link);
        await db.SaveChangesAsync();
        await Counters.AddAsync(db, CountedResources.Product, false, true, 1, default);
        await Counters.AddAsync(db, CountedResources.Price, false, true, 1, default);
        await Counters.AddAsync(db, CountedResources.PaymentLink, false, true, 1, default);
        await transaction.CommitAsync();
        return link.Id;
    }
}
