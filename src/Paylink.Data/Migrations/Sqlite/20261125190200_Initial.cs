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
                name: "ix_idempotency_records_created_at",
                table: "idempotency_records",
                column: "created_at");

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
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "list_counters");

            migrationBuilder.DropTable(
                name: "payment_links");

            migrationBuilder.DropTable(
                name: "prices");

            migrationBuilder.DropTable(
                name: "products");
        }
    }
}
