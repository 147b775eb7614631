using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Paylink.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    livemode = table.Column<bool>(type: "boolean", nullable: false),
                    key_hash = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    protected_key = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "checkout_sessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    livemode = table.Column<bool>(type: "boolean", nullable: false),
                    payment_link_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    payment_link_version = table.Column<int>(type: "integer", nullable: true),
                    form_token = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    status = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    payment_status = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    currency_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    lines_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    amount_subtotal = table.Column<long>(type: "bigint", nullable: false),
                    amount_discount = table.Column<long>(type: "bigint", nullable: false),
                    amount_total = table.Column<long>(type: "bigint", nullable: false),
                    discounts_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    customer_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    customer_details_json = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    custom_fields_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    consent_json = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    settings_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    payment_intent_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    success_url = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    cancel_url = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    customer_email = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    client_reference_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    metadata_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    locale = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    reserved = table.Column<bool>(type: "boolean", nullable: false),
                    reserved_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkout_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    livemode = table.Column<bool>(type: "boolean", nullable: false),
                    email = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    name = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    phone = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    address_json = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    metadata_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    xml = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    livemode = table.Column<bool>(type: "boolean", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    data_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    scope = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    request_hash = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    response_body = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    locked_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => new { x.scope, x.key });
                });

            migrationBuilder.CreateTable(
                name: "list_counters",
                columns: table => new
                {
                    key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_list_counters", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "payment_intents",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    livemode = table.Column<bool>(type: "boolean", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    currency_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    status = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    last_error_code = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    last_error_message = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    card_brand = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    card_last4 = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    customer_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    checkout_session_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_intents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payment_links",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    livemode = table.Column<bool>(type: "boolean", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    currency_id = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    line_items_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    after_completion_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    custom_fields_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    custom_text_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    metadata_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    allow_promotion_codes = table.Column<bool>(type: "boolean", nullable: false),
                    customer_creation = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    billing_address_collection = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    phone_number_collection = table.Column<bool>(type: "boolean", nullable: false),
                    terms_of_service = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    submit_type = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    completed_sessions_limit = table.Column<int>(type: "integer", nullable: true),
                    completed_sessions_count = table.Column<int>(type: "integer", nullable: false),
                    completed_sessions_reserved = table.Column<int>(type: "integer", nullable: false),
                    inactive_message = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    lookup_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    created_via = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_links", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    livemode = table.Column<bool>(type: "boolean", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    description = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    images_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    unit_label = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    statement_descriptor = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    default_price_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    metadata_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    used = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_products", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "test_charges",
                columns: table => new
                {
                    idempotency_key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    decline_code = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    card_brand = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    card_last4 = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_test_charges", x => x.idempotency_key);
                });

            migrationBuilder.CreateTable(
                name: "prices",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    livemode = table.Column<bool>(type: "boolean", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    product_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C"),
                    currency_id = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    type = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    unit_amount = table.Column<long>(type: "bigint", nullable: true),
                    custom_minimum = table.Column<long>(type: "bigint", nullable: true),
                    custom_maximum = table.Column<long>(type: "bigint", nullable: true),
                    custom_preset = table.Column<long>(type: "bigint", nullable: true),
                    nickname = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    lookup_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    quantity_available = table.Column<long>(type: "bigint", nullable: true),
                    quantity_sold = table.Column<long>(type: "bigint", nullable: false),
                    quantity_reserved = table.Column<long>(type: "bigint", nullable: false),
                    metadata_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prices", x => x.id);
                    table.ForeignKey(
                        name: "fk_prices_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_key_hash",
                table: "api_keys",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_checkout_sessions_form_token",
                table: "checkout_sessions",
                column: "form_token",
                unique: true,
                filter: "form_token IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_checkout_sessions_livemode_created_at_id",
                table: "checkout_sessions",
                columns: new[] { "livemode", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_checkout_sessions_livemode_customer_email_status",
                table: "checkout_sessions",
                columns: new[] { "livemode", "customer_email", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_checkout_sessions_livemode_updated_at_id",
                table: "checkout_sessions",
                columns: new[] { "livemode", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_checkout_sessions_payment_link_id_created_at",
                table: "checkout_sessions",
                columns: new[] { "payment_link_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_checkout_sessions_reserved_reserved_until",
                table: "checkout_sessions",
                columns: new[] { "reserved", "reserved_until" });

            migrationBuilder.CreateIndex(
                name: "ix_checkout_sessions_status_expires_at",
                table: "checkout_sessions",
                columns: new[] { "status", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_livemode_created_at_id",
                table: "customers",
                columns: new[] { "livemode", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_livemode_email",
                table: "customers",
                columns: new[] { "livemode", "email" },
                unique: true,
                filter: "email IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_customers_livemode_name_id",
                table: "customers",
                columns: new[] { "livemode", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_livemode_updated_at_id",
                table: "customers",
                columns: new[] { "livemode", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_events_id",
                table: "events",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_events_livemode_created_at_id",
                table: "events",
                columns: new[] { "livemode", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_events_livemode_type_created_at_id",
                table: "events",
                columns: new[] { "livemode", "type", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_created_at",
                table: "idempotency_records",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_payment_intents_checkout_session_id",
                table: "payment_intents",
                column: "checkout_session_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_intents_livemode_created_at_id",
                table: "payment_intents",
                columns: new[] { "livemode", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_intents_livemode_updated_at_id",
                table: "payment_intents",
                columns: new[] { "livemode", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_intents_status",
                table: "payment_intents",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_payment_links_livemode_active_created_at_id",
                table: "payment_links",
                columns: new[] { "livemode", "active", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_links_livemode_active_name_id",
                table: "payment_links",
                columns: new[] { "livemode", "active", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_links_livemode_active_updated_at_id",
                table: "payment_links",
                columns: new[] { "livemode", "active", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_links_livemode_created_at_id",
                table: "payment_links",
                columns: new[] { "livemode", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_links_livemode_lookup_key",
                table: "payment_links",
                columns: new[] { "livemode", "lookup_key" },
                unique: true,
                filter: "lookup_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_payment_links_livemode_name_id",
                table: "payment_links",
                columns: new[] { "livemode", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_links_livemode_updated_at_id",
                table: "payment_links",
                columns: new[] { "livemode", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_prices_livemode_active_created_at_id",
                table: "prices",
                columns: new[] { "livemode", "active", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_prices_livemode_created_at_id",
                table: "prices",
                columns: new[] { "livemode", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_prices_livemode_lookup_key",
                table: "prices",
                columns: new[] { "livemode", "lookup_key" },
                unique: true,
                filter: "active AND lookup_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_prices_livemode_updated_at_id",
                table: "prices",
                columns: new[] { "livemode", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_prices_product_id_created_at",
                table: "prices",
                columns: new[] { "product_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_products_livemode_active_created_at_id",
                table: "products",
                columns: new[] { "livemode", "active", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_products_livemode_created_at_id",
                table: "products",
                columns: new[] { "livemode", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_products_livemode_name_id",
                table: "products",
                columns: new[] { "livemode", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_products_livemode_updated_at_id",
                table: "products",
                columns: new[] { "livemode", "updated_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "checkout_sessions");

            migrationBuilder.DropTable(
                name: "customers");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "list_counters");

            migrationBuilder.DropTable(
                name: "payment_intents");

            migrationBuilder.DropTable(
                name: "payment_links");

            migrationBuilder.DropTable(
                name: "prices");

            migrationBuilder.DropTable(
                name: "test_charges");

            migrationBuilder.DropTable(
                name: "products");
        }
    }
}
