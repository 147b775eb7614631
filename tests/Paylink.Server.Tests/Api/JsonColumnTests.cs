using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Client;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>A checkout session's typed JSON properties are stored as the same JSON text as before they were typed.</summary>
public abstract class JsonColumnTests(PaylinkApp app)
{
    [Fact]
    public async Task Typed_session_values_are_stored_as_the_wire_JSON_text_and_changes_in_place_are_saved()
    {
        var id = "cs_json_" + Guid.NewGuid().ToString("N")[..24];
        var now = new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        db.CheckoutSessions.Add(new CheckoutSessionRecord
        {
            Id = id,
            CurrencyId = "usd",
            Lines = [new SessionLine { PriceId = "price_x", ProductId = "prod_x", Description = "Tea ☕", Quantity = 2, UnitAmount = 250, AmountSubtotal = 500 }],
            CustomerDetails = new CustomerDetails { Email = "a@example.com", Name = "Zoë" },
            Consent = new SessionConsent { TermsOfService = "accepted" },
            ExpiresAt = now.AddHours(24),
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        Assert.Equal(
            """[{"price_id":"price_x","product_id":"prod_x","description":"Tea ☕","quantity":2,"unit_amount":250,"amount_subtotal":500,"amount_discount":0}]""",
            await ColumnAsync(db, "checkout_sessions", "lines_json", id));
        Assert.Equal("[]", await ColumnAsync(db, "checkout_sessions", "discounts_json", id));
        Assert.Equal("[]", await ColumnAsync(db, "checkout_sessions", "custom_fields_json", id));
        Assert.Equal("""{"terms_of_service":"accepted"}""", await ColumnAsync(db, "checkout_sessions", "consent_json", id));
        Assert.Contains("\"name\":\"Zoë\"", await ColumnAsync(db, "checkout_sessions", "customer_details_json", id), StringComparison.Ordinal);

        var session = await db.CheckoutSessions.SingleAsync(s => s.Id == id);
        session.Lines[0].Quantity = 3;
        session.CustomFields.Add(new CustomField { Key = "size", Label = new CustomFieldLabel { Custom = "Size" }, Type = "text", Value = "L" });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var stored = await db.CheckoutSessions.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(3, stored.Lines[0].Quantity);
        Assert.Equal("L", Assert.Single(stored.CustomFields).Value);
        Assert.Equal("Zoë", stored.CustomerDetails?.Name);
    }

    [Fact]
    public async Task A_webhook_endpoints_enabled_events_are_stored_as_a_JSON_array()
    {
        var now = new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
        var some = "we_json_" + Guid.NewGuid().ToString("N")[..24];
        var every = "we_json_" + Guid.NewGuid().ToString("N")[..24];
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        db.WebhookEndpoints.AddRange(
            new WebhookEndpointRecord { Id = some, Url = "https://example.com/a", SecretProtected = "x", EnabledEvents = ["checkout.session.completed", "payment_intent.succeeded"], CreatedAt = now, UpdatedAt = now },
            new WebhookEndpointRecord { Id = every, Url = "https://example.com/b", SecretProtected = "x", CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();

        Assert.Equal("""["checkout.session.completed","payment_intent.succeeded"]""", await ColumnAsync(db, "webhook_endpoints", "enabled_events_json", some));
        Assert.Equal("""["*"]""", await ColumnAsync(db, "webhook_endpoints", "enabled_events_json", every));
    }

    /// <summary>The column's text as stored, read past EF Core's converters.</summary>
    private static async Task<string?> ColumnAsync(PaylinkDbContext db, string table, string column, string id)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT {column} FROM {table} WHERE id = @id";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "id";
            parameter.Value = id;
            command.Parameters.Add(parameter);
            return await command.ExecuteScalarAsync() as string;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public sealed class OnSqlite(SqliteApp app) : JsonColumnTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : JsonColumnTests(app), IClassFixture<PostgresApp>;
}
