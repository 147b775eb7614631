using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paylink.Data.Migrations.Sqlite
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
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    livemode = table.Column<bool>(type: "INTEGER", nullable: false),
                    key_hash = table.Column<string>(type: "TEXT", nullable: false),
                    protected_key = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "checkout_sessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    livemode = table.Column<bool>(type: "INTEGER", nullable: false),
                    payment_link_id = table.Column<string>(type: "TEXT", nullable: true),
                    payment_link_version = table.Column<int>(type: "INTEGER", nullable: true),
                    form_token = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    payment_status = table.Column<string>(type: "TEXT", nullable: false),
                    currency_id = table.Column<string>(type: "TEXT", nullable: false),
                    lines_json = table.Column<string>(type: "TEXT", nullable: false),
                    amount_subtotal = table.Column<long>(type: "INTEGER", nullable: false),
                    amount_discount = table.Column<long>(type: "INTEGER", nullable: false),
                    amount_total = table.Column<long>(type: "INTEGER", nullable: false),
                    discounts_json = table.Column<string>(type: "TEXT", nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", nullable: true),
                    customer_details_json = table.Column<string>(type: "TEXT", nullable: true),
                    custom_fields_json = table.Column<string>(type: "TEXT", nullable: false),
                    consent_json = table.Column<string>(type: "TEXT", nullable: true),
                    settings_json = table.Column<string>(type: "TEXT", nullable: false),
                    payment_intent_id = table.Column<string>(type: "TEXT", nullable: true),
                    success_url = table.Column<string>(type: "TEXT", nullable: true),
                    cancel_url = table.Column<string>(type: "TEXT", nullable: true),
                    customer_email = table.Column<string>(type: "TEXT", nullable: true),
                    client_reference_id = table.Column<string>(type: "TEXT", nullable: true),
                    metadata_json = table.Column<string>(type: "TEXT", nullable: false),
                    locale = table.Column<string>(type: "TEXT", nullable: false),
                    reserved = table.Column<bool>(type: "INTEGER", nullable: false),
                    reserved_until = table.Column<long>(type: "INTEGER", nullable: true),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkout_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    livemode = table.Column<bool>(type: "INTEGER", nullable: false),
                    email = table.Column<string>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", nullable: true),
                    phone = table.Column<string>(type: "TEXT", nullable: true),
                    address_json = table.Column<string>(type: "TEXT", nullable: true),
                    metadata_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<string>(type: "TEXT", nullable: true),
                    livemode = table.Column<bool>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", nullable: false),
                    data_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    scope = table.Column<string>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: true),
                    response_body = table.Column<string>(type: "TEXT", nullable: true),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => new { x.scope, x.key });
                });

            migrationBuilder.CreateTable(
                name: "list_counters",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_list_counters", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "payment_intents",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    livemode = table.Column<bool>(type: "INTEGER", nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    currency_id = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    last_error_code = table.Column<string>(type: "TEXT", nullable: true),
                    last_error_message = table.Column<string>(type: "TEXT", nullable: true),
                    card_brand = table.Column<string>(type: "TEXT", nullable: true),
                    card_last4 = table.Column<string>(type: "TEXT", nullable: true),
                    customer_id = table.Column<string>(type: "TEXT", nullable: true),
                    checkout_session_id = table.Column<string>(type: "TEXT", nullable: true),
                    attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_intents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payment_links",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    livemode = table.Column<bool>(type: "INTEGER", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    currency_id = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    line_items_json = table.Column<string>(type: "TEXT", nullable: false),
                    after_completion_json = table.Column<string>(type: "TEXT", nullable: false),
                    custom_fields_json = table.Column<string>(type: "TEXT", nullable: false),
                    custom_text_json = table.Column<string>(type: "TEXT", nullable: false),
                    metadata_json = table.Column<string>(type: "TEXT", nullable: false),
                    allow_promotion_codes = table.Column<bool>(type: "INTEGER", nullable: false),
                    customer_creation = table.Column<string>(type: "TEXT", nullable: false),
                    billing_address_collection = table.Column<string>(type: "TEXT", nullable: false),
                    phone_number_collection = table.Column<bool>(type: "INTEGER", nullable: false),
                    terms_of_service = table.Column<string>(type: "TEXT", nullable: false),
                    submit_type = table.Column<string>(type: "TEXT", nullable: false),
                    completed_sessions_limit = table.Column<int>(type: "INTEGER", nullable: true),
                    completed_sessions_count = table.Column<int>(type: "INTEGER", nullable: false),
                    completed_sessions_reserved = table.Column<int>(type: "INTEGER", nullable: false),
                    inactive_message = table.Column<string>(type: "TEXT", nullable: true),
                    lookup_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_via = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_links", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    livemode = table.Column<bool>(type: "INTEGER", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    images_json = table.Column<string>(type: "TEXT", nullable: false),
                    unit_label = table.Column<string>(type: "TEXT", nullable: true),
                    statement_descriptor = table.Column<string>(type: "TEXT", nullable: true),
                    default_price_id = table.Column<string>(type: "TEXT", nullable: true),
                    metadata_json = table.Column<string>(type: "TEXT", nullable: false),
                    used = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_products", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "test_charges",
                columns: table => new
                {
                    idempotency_key = table.Column<string>(type: "TEXT", nullable: false),
                    succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    decline_code = table.Column<string>(type: "TEXT", nullable: true),
                    card_brand = table.Column<string>(type: "TEXT", nullable: true),
                    card_last4 = table.Column<string>(type: "TEXT", nullable: true),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_test_charges", x => x.idempotency_key);
                });

            migrationBuilder.CreateTable(
                name: "prices",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    livemode = table.Column<bool>(type: "INTEGER", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    currency_id = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    type = table.Column<string>(type: "TEXT", nullable: false),
                    unit_amount = table.Column<long>(type: "INTEGER", nullable: true),
                    custom_minimum = table.Column<long>(type: "INTEGER", nullable: true),
                    custom_maximum = table.Column<long>(type: "INTEGER", nullable: true),
                    custom_preset = table.Column<long>(type: "INTEGER", nullable: true),
                    nickname = table.Column<string>(type: "TEXT", nullable: true),
                    lookup_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    quantity_available = table.Column<long>(type: "INTEGER", nullable: true),
                    quantity_sold = table.Column<long>(type: "INTEGER", nullable: false),
                    quantity_reserved = table.Column<long>(type: "INTEGER", nullable: false),
                    metadata_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
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
