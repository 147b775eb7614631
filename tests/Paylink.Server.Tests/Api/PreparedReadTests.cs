using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// On SQLite a link's retrieve and its payment page read rows through prepared statements rather than
/// EF queries; what they read must be what EF reads, column for column, and never a stale copy.
/// </summary>
public sealed class PreparedReadTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Prepared_reads_give_the_rows_EF_gives_with_every_field_set()
    {
        var client = app.Client();
        var product = (await client.ApiPostAsync("/api/products", ApiCalls.Body("""
            {"name":"Box","description":"A box","images":["https://example.com/a.png"],"unit_label":"box","statement_descriptor":"BOXES LTD",
             "metadata":{"k":"v"},"prices":[{"currency_id":"usd","unit_amount":"12.34","nickname":"n","lookup_key":"box_price","quantity_available":7}]}
            """))).Expect(200);
        var priceId = product["prices"][0].GetProperty("id").GetString()!;
        var link = (await client.ApiPostAsync("/api/payment-links", ApiCalls.Body($$$"""
            {"name":"Everything","currency_id":"usd","line_items":[{"price_id":"{{{priceId}}}","quantity":2,"adjustable_quantity":{"enabled":true,"minimum":1,"maximum":5}}],
             "after_completion":{"type":"hosted_confirmation","hosted_confirmation":{"custom_message":"Thanks"}},
             "allow_promotion_codes":true,"billing_address_collection":"required","phone_number_collection":{"enabled":true},
             "custom_fields":[{"key":"size","label":{"type":"custom","custom":"Size"},"type":"text"}],
             "custom_text":{"submit":{"message":"Hi"}},"restrictions":{"completed_sessions":{"limit":3}},
             "inactive_message":"Gone","lookup_key":"everything","metadata":{"a":"b"}}
            """))).Expect(200);
        var linkId = link.Id;

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        AssertSameRow(await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == linkId), db.FindBy<PaymentLinkRecord>(("Id", linkId)), db);
        AssertSameRow(await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == linkId),
            db.FindBy<PaymentLinkRecord>(("Livemode", false), ("LookupKey", "everything")), db);
        AssertSameRow(await db.Prices.AsNoTracking().SingleAsync(p => p.Id == priceId), db.FindBy<PriceRecord>(("Id", priceId)), db);
        AssertSameRow(await db.Products.AsNoTracking().SingleAsync(p => p.Id == product.Id), db.FindBy<ProductRecord>(("Id", product.Id)), db);
        Assert.Null(db.FindBy<PaymentLinkRecord>(("Id", "pl_none")));
        Assert.Null(db.FindBy<PaymentLinkRecord>(("Livemode", true), ("LookupKey", "everything")));
    }

    [Fact]
    public async Task A_retrieve_after_any_change_shows_the_change_at_once()
    {
        var client = app.Client();
        var price = await Catalog.PriceAsync(client);
        var link = await Catalog.LinkAsync(client, price, "Before");
        for (var i = 0; i < 20; i++)
        {
            (await client.ApiPutAsync($"/api/payment-links/{link.Id}", ApiCalls.Body($$"""{"name":"Name {{i}}"}"""))).Expect(200);
            Assert.Equal($"Name {i}", (await client.ApiGetAsync($"/api/payment-links/{link.Id}")).Expect(200)["name"].GetString());
            (await client.ApiPutAsync($"/api/prices/{price}", ApiCalls.Body($$"""{"nickname":"Nick {{i}}"}"""))).Expect(200);
            var expanded = (await client.ApiGetAsync($"/api/payment-links/{link.Id}")).Expect(200)["line_items"][0].GetProperty("price");
            Assert.Equal($"Nick {i}", expanded.GetProperty("nickname").GetString());
            (await client.ApiPutAsync($"/api/products/{expanded.GetProperty("product_id").GetString()}", ApiCalls.Body($$"""{"name":"Product {{i}}"}"""))).Expect(200);
            Assert.Equal($"Product {i}", (await client.ApiGetAsync($"/api/payment-links/{link.Id}")).Expect(200)["line_items"][0]
                .GetProperty("price").GetProperty("product").GetProperty("name").GetString());
            (await client.ApiPutAsync($"/api/payment-links/{link.Id}/archive", (string?)null)).Expect(200);
            Assert.False((await client.ApiGetAsync($"/api/payment-links/{link.Id}")).Expect(200)["active"].GetBoolean());
            (await client.ApiPutAsync($"/api/payment-links/{link.Id}", ApiCalls.Body("""{"active":true}"""))).Expect(200);
        }
    }

    [Fact]
    public async Task A_retrieve_served_from_memory_is_for_its_own_mode_and_address()
    {
        var client = app.Client();
        var price = await Catalog.PriceAsync(client);
        var link = await Catalog.LinkAsync(client, price, "Kept body");
        (await client.ApiPutAsync($"/api/payment-links/{link.Id}", ApiCalls.Body("""{"lookup_key":"kept_body"}"""))).Expect(200);

        var first = (await RetrieveAsync(client, link.Id, "shop-a.example")).Expect(200);
        var again = (await RetrieveAsync(client, link.Id, "shop-a.example")).Expect(200);
        Assert.Equal(first.Text, again.Text);
        Assert.Equal("application/json; charset=utf-8", again.Header("Content-Type"));
        Assert.StartsWith("http://shop-a.example/", again["url"].GetString());
        Assert.Equal(price, again["line_items"][0].GetProperty("price").GetProperty("id").GetString());

        // Another address the server is reached by gets its own URLs; a lookup_key, the same link.
        Assert.StartsWith("http://shop-b.example/", (await RetrieveAsync(client, link.Id, "shop-b.example")).Expect(200)["url"].GetString());
        Assert.Equal(link.Id, (await RetrieveAsync(client, "kept_body", "shop-a.example")).Expect(200).Id);

        // The other mode's key does not see a test link, however often it was retrieved.
        using var live = app.LiveClient();
        (await RetrieveAsync(live, link.Id, "shop-a.example")).ExpectError(404, "resource_missing");
        (await RetrieveAsync(live, "kept_body", "shop-a.example")).ExpectError(404, "resource_missing");
    }

    private static async Task<ApiResponse> RetrieveAsync(HttpClient client, string id, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/payment-links/{id}");
        request.Headers.Host = host;
        return await client.ApiSendAsync(request);
    }

    [Fact]
    public async Task Writes_still_work_after_read_connections_beyond_those_kept_are_closed()
    {
        var client = app.Client();
        var price = await Catalog.PriceAsync(client);
        var link = await Catalog.LinkAsync(client, price, "Read, then written");
        var kept = SqlitePreparedReads.MaxIdleConnections;
        SqlitePreparedReads.MaxIdleConnections = 0;
        try
        {
            // Every read connection is closed after its read, as those beyond the kept ones are under load.
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
                for (var i = 0; i < 20; i++)
                {
                    Assert.NotNull(db.FindBy<PaymentLinkRecord>(("Id", link.Id)));
                }
            }

            // A read-only handle that went back to the shared pool would refuse these ("attempt to write a readonly database").
            for (var i = 0; i < 20; i++)
            {
                (await client.ApiPutAsync($"/api/payment-links/{link.Id}", ApiCalls.Body($$$"""{"metadata":{"k{{{i}}}":"v"}}"""))).Expect(200);
            }
        }
        finally
        {
            SqlitePreparedReads.MaxIdleConnections = kept;
        }
    }

    [Fact]
    public async Task A_tracked_read_inside_a_write_sees_the_writes_own_changes_and_saves_what_the_caller_changes()
    {
        var id = "cs_tracked_" + Guid.NewGuid().ToString("N");
        var now = new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        db.CheckoutSessions.Add(new CheckoutSessionRecord
        {
            Id = id,
            CurrencyId = "usd",
            AmountTotal = 1234,
            Lines = [new SessionLine { PriceId = "price_x", Quantity = 2 }],
            CustomerEmail = "before@example.com",
            ExpiresAt = now.AddHours(24),
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        await using (var transaction = await db.BeginWriteAsync())
        {
            await db.ExecuteWriteAsync("UPDATE checkout_sessions SET customer_email = @p0 WHERE id = @p1", ["during@example.com", id], CancellationToken.None);
            var read = await db.FindTrackedAsync<CheckoutSessionRecord>(id, CancellationToken.None);
            Assert.NotNull(read);
            Assert.Equal("during@example.com", read.CustomerEmail);
            Assert.Equal(EntityState.Unchanged, db.Entry(read).State);
            // As a tracking query: the entity already tracked is the one returned, not a second copy.
            Assert.Same(read, await db.FindTrackedAsync<CheckoutSessionRecord>(id, CancellationToken.None));
            Assert.Null(await db.FindTrackedAsync<CheckoutSessionRecord>("cs_none", CancellationToken.None));

            read.Status = CheckoutSessionStatus.Complete;
            read.CompletedAt = now.AddMinutes(1);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        db.ChangeTracker.Clear();
        var stored = await db.CheckoutSessions.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(("complete", "during@example.com", now.AddMinutes(1), 1234L), (stored.Status.Stored(), stored.CustomerEmail, stored.CompletedAt, stored.AmountTotal));

        await using (var transaction = await db.BeginWriteAsync())
        {
            AssertSameRow(stored, await db.FindTrackedAsync<CheckoutSessionRecord>(id, CancellationToken.None), db);
            await transaction.RollbackAsync();
        }
    }

    private static void AssertSameRow<T>(T expected, T? actual, PaylinkDbContext db) where T : class
    {
        Assert.NotNull(actual);
        foreach (var property in db.Model.FindEntityType(typeof(T))!.GetProperties())
        {
            Assert.Equal(property.PropertyInfo!.GetValue(expected), property.PropertyInfo!.GetValue(actual));
        }
    }
}
