using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>Statuses are types in code and the same snake_case text in the database as ever.</summary>
public abstract class StatusTextTests(PaylinkApp app)
{
    [Fact]
    public void Each_status_has_the_text_it_was_always_stored_as()
    {
        Assert.Equal(["open", "complete", "expired"], StoredText.All<CheckoutSessionStatus>());
        Assert.Equal(["unpaid", "paid", "no_payment_required"], StoredText.All<CheckoutPaymentStatus>());
        Assert.Equal(["requires_payment_method", "processing", "succeeded", "canceled"], StoredText.All<PaymentIntentStatus>());
        Assert.Equal(["enabled", "disabled"], StoredText.All<WebhookEndpointStatus>());
        Assert.Equal(["pending", "succeeded", "failed"], StoredText.All<WebhookDeliveryStatus>());
        Assert.False(StoredText.TryParse<CheckoutSessionStatus>("Open", out _));
    }

    [Fact]
    public async Task A_status_is_written_as_text_and_read_back_from_text()
    {
        var id = "pi_status_" + Guid.NewGuid().ToString("N")[..24];
        var now = new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        db.PaymentIntents.Add(new PaymentIntentRecord { Id = id, CurrencyId = "usd", Amount = 100, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        Assert.Equal("requires_payment_method", await StoredStatusAsync(db, id));

        await using (var transaction = await db.BeginWriteAsync())
        {
            Assert.Equal(1, await db.ExecuteWriteAsync("UPDATE payment_intents SET status = @p0 WHERE id = @p1 AND status = @p2",
                [PaymentIntentStatus.Processing.Stored(), id, PaymentIntentStatus.RequiresPaymentMethod.Stored()], CancellationToken.None));
            await transaction.CommitAsync();
        }

        Assert.Equal("processing", await StoredStatusAsync(db, id));
        Assert.Equal(PaymentIntentStatus.Processing, (await db.PaymentIntents.AsNoTracking().SingleAsync(p => p.Id == id)).Status);
        Assert.Equal(1, await db.PaymentIntents.CountAsync(p => p.Id == id && p.Status == PaymentIntentStatus.Processing));
    }

    private static async Task<string> StoredStatusAsync(PaylinkDbContext db, string id) =>
        await db.Database.SqlQueryRaw<string>("SELECT status AS \"Value\" FROM payment_intents WHERE id = {0}", id).SingleAsync();

    public sealed class OnSqlite(SqliteApp app) : StatusTextTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : StatusTextTests(app), IClassFixture<PostgresApp>;
}
