using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Paylink.Bench;

/// <summary>
/// Fills the payment_links table fast, in the database itself (a recursive CTE on SQLite,
/// generate_series on PostgreSQL), with ids <c>pl_bench</c> + 16 digits and increasing timestamps,
/// and keeps the list counters exact — as if the links had been made through the API.
/// </summary>
public sealed class Seeder(string? sqliteFile, string? postgres)
{
    public async Task AddLinksAsync(int from, int to, string priceId)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        var postgresSql = postgres is not null;
        var lineItems = $"[{{\"price_id\":\"{priceId}\",\"quantity\":1}}]";
        const long start = 1_700_000_000_000;
        var columns = "id, livemode, active, name, currency_id, line_items_json, after_completion_json, custom_fields_json, custom_text_json, " +
            "metadata_json, allow_promotion_codes, customer_creation, billing_address_collection, phone_number_collection, terms_of_service, " +
            "submit_type, completed_sessions_limit, completed_sessions_count, completed_sessions_reserved, inactive_message, lookup_key, " +
            "created_via, version, created_at, updated_at";
        string sql;
        if (postgresSql)
        {
            sql = $"INSERT INTO payment_links ({columns}) SELECT 'pl_bench' || lpad(i::text, 16, '0'), false, true, 'Bench link ' || lpad(i::text, 7, '0'), 'usd', @items, " +
                "'{\"type\":\"hosted_confirmation\"}', '[]', '{}', '{\"order_id\":\"6735\"}', false, 'if_required', 'auto', false, 'none', 'auto', NULL, 0, 0, NULL, NULL, 'api', 1, " +
                $"to_timestamp(({start} + i) / 1000.0), to_timestamp(({start} + i) / 1000.0) FROM generate_series({from}, {to}) AS i";
        }
        else
        {
            sql = $"WITH RECURSIVE n(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM n WHERE i < {to}) " +
                $"INSERT INTO payment_links ({columns}) SELECT 'pl_bench' || printf('%016d', i), 0, 1, 'Bench link ' || printf('%07d', i), 'usd', @items, " +
                "'{\"type\":\"hosted_confirmation\"}', '[]', '{}', '{\"order_id\":\"6735\"}', 0, 'if_required', 'auto', 0, 'none', 'auto', NULL, 0, 0, NULL, NULL, 'api', 1, " +
                $"{start} + i, {start} + i FROM n";
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = sql;
            insert.CommandTimeout = 0;
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "items";
            parameter.Value = lineItems;
            insert.Parameters.Add(parameter);
            await insert.ExecuteNonQueryAsync();
        }

        await using (var counters = connection.CreateCommand())
        {
            counters.Transaction = transaction;
            counters.CommandText = $"UPDATE list_counters SET count = count + {to - from + 1} WHERE key IN ('payment_link:test', 'payment_link:test:active')";
            await counters.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        if (!postgresSql)
        {
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;";
            await checkpoint.ExecuteNonQueryAsync();
        }
        else
        {
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE payment_links";
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync();
        }
    }

    private DbConnection Open() => postgres is not null
        ? new NpgsqlConnection(postgres)
        : new SqliteConnection($"Data Source={sqliteFile};Default Timeout=120");
}
