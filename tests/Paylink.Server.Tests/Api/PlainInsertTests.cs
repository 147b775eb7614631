using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// On SQLite a link's create writes its rows with plain INSERTs rather than SaveChanges; what lands in the
/// file must be what SaveChanges would have written, column for column, and a broken constraint must
/// still be a <see cref="DbUpdateException"/>.
/// </summary>
public sealed class PlainInsertTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_plain_insert_stores_every_column_as_SaveChanges_does()
    {
        var client = app.Client();
        var price = await Catalog.PriceAsync(client);
        var link = (await client.ApiPostAsync("/api/payment-links", ApiCalls.Body($$$"""
            {"name":"Everything","currency_id":"usd","line_items":[{"price_id":"{{{price}}}","quantity":2,"adjustable_quantity":{"enabled":true,"minimum":1,"maximum":5}}],
             "after_completion":{"type":"redirect","redirect":{"url":"https://example.com/done"}},"allow_promotion_codes":true,
             "restrictions":{"completed_sessions":{"limit":3}},"inactive_message":"Gone","lookup_key":"all_of_it","metadata":{"a":"b"}}
            """))).Expect(200);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var stored = await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id);
        var viaSave = Copy(stored, "pl_plaininsertviasave", "via_save");
        var viaInsert = Copy(stored, "pl_plaininsertviainsert", "via_insert");
        var nullsViaSave = Copy(stored, "pl_plaininsertnullsave", null);
        var nullsViaInsert = Copy(stored, "pl_plaininsertnullinsert", null);
        foreach (var copy in new[] { nullsViaSave, nullsViaInsert })
        {
            copy.InactiveMessage = null;
            copy.CompletedSessionsLimit = null;
        }

        var eventViaSave = new EventRecord { Id = "evt_plainviasave", Livemode = true, Type = "payment_link.created", DataJson = """{"x":1}""", CreatedAt = stored.CreatedAt, UpdatedAt = stored.UpdatedAt };
        var eventViaInsert = new EventRecord { Id = "evt_plainviainsert", Livemode = true, Type = "payment_link.created", DataJson = """{"x":1}""", CreatedAt = stored.CreatedAt, UpdatedAt = stored.UpdatedAt };
        await using (var transaction = await db.BeginWriteAsync())
        {
            db.AddRange(viaSave, nullsViaSave, eventViaSave);
            await db.SaveChangesAsync();
            await db.InsertAsync([viaInsert, nullsViaInsert, eventViaInsert], CancellationToken.None);
            await transaction.CommitAsync();
        }

        db.ChangeTracker.Clear();
        AssertSameColumns(await ColumnsAsync(db, "payment_links", "id", viaSave.Id), await ColumnsAsync(db, "payment_links", "id", viaInsert.Id), "id", "lookup_key");
        AssertSameColumns(await ColumnsAsync(db, "payment_links", "id", nullsViaSave.Id), await ColumnsAsync(db, "payment_links", "id", nullsViaInsert.Id), "id");
        AssertSameColumns(await ColumnsAsync(db, "events", "id", eventViaSave.Id), await ColumnsAsync(db, "events", "id", eventViaInsert.Id), "id", "sequence");
        var inserted = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventViaInsert.Id);
        Assert.True(inserted.Sequence > (await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventViaSave.Id)).Sequence);
        Assert.Equal("via_insert", (await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == viaInsert.Id)).LookupKey);
    }

    [Fact]
    public async Task A_plain_insert_that_breaks_a_constraint_fails_like_SaveChanges_and_writes_nothing()
    {
        var client = app.Client();
        var price = await Catalog.PriceAsync(client);
        var taken = (await client.ApiPostAsync("/api/payment-links", ApiCalls.Body($$"""
            {"name":"Taken","currency_id":"usd","line_items":[{"price_id":"{{price}}","quantity":1}],"lookup_key":"plain_taken"}
            """))).Expect(200);
        var before = (await client.ApiGetAsync("/api/payment-links")).Expect(200)["count"].GetInt32();

        var refused = await client.ApiPostAsync("/api/payment-links", ApiCalls.Body($$"""
            {"name":"Again","currency_id":"usd","line_items":[{"price_id":"{{price}}","quantity":1}],"lookup_key":"plain_taken"}
            """));

        refused.ExpectError(400, "lookup_key_taken", param: "lookup_key");
        Assert.Equal(before, (await client.ApiGetAsync("/api/payment-links")).Expect(200)["count"].GetInt32());
        Assert.Equal(taken.Id, (await client.ApiGetAsync("/api/payment-links/plain_taken")).Expect(200).Id);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        Assert.Equal(1, await db.PaymentLinks.CountAsync(l => l.LookupKey == "plain_taken"));
        Assert.Equal(0, await db.PaymentLinks.CountAsync(l => l.Name == "Again"));
    }

    private static PaymentLinkRecord Copy(PaymentLinkRecord source, string id, string? lookupKey)
    {
        var copy = new PaymentLinkRecord { Id = id, Name = source.Name, CurrencyId = source.CurrencyId };
        foreach (var property in typeof(PaymentLinkRecord).GetProperties().Where(p => p.CanWrite))
        {
            property.SetValue(copy, property.GetValue(source));
        }

        copy.Id = id;
        copy.LookupKey = lookupKey;
        return copy;
    }

    private static async Task<Dictionary<string, object?>> ColumnsAsync(PaylinkDbContext db, string table, string keyColumn, string key)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{keyColumn}\" = @key";
            command.Parameters.AddWithValue("@key", key);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"No row {key} in {table}.");
            var columns = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                // The stored value and its SQLite storage class: 1 and "1", or 0 and NULL, must not pass as equal.
                columns[reader.GetName(i)] = reader.IsDBNull(i) ? null : $"{reader.GetValue(i).GetType().Name}:{reader.GetValue(i)}";
            }

            return columns;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void AssertSameColumns(Dictionary<string, object?> expected, Dictionary<string, object?> actual, params string[] except)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.True(expected.Count > 10 || expected.ContainsKey("data_json"), "Too few columns read.");
        foreach (var (column, value) in expected.Where(c => !except.Contains(c.Key)))
        {
            Assert.True(Equals(value, actual[column]), $"{column}: SaveChanges stored {value ?? "NULL"}, the plain insert {actual[column] ?? "NULL"}.");
        }
    }
}
