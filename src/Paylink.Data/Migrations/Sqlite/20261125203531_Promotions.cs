using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paylink.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Promotions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "buyer_email",
                table: "checkout_sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "coupon_id",
                table: "checkout_sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "promotion_code_id",
                table: "checkout_sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "coupons",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    livemode = table.Column<bool>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    percent_off_hundredths = table.Column<int>(type: "INTEGER", nullable: true),
                    amount_off = table.Column<long>(type: "INTEGER", nullable: true),
                    currency_id = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    duration = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    max_redemptions = table.Column<long>(type: "INTEGER", nullable: true),
                    times_redeemed = table.Column<long>(type: "INTEGER", nullable: false),
                    redemptions_reserved = table.Column<long>(type: "INTEGER", nullable: false),
                    redeem_by = table.Column<long>(type: "INTEGER", nullable: true),
                    applies_to_products_json = table.Column<string>(type: "TEXT", nullable: true),
                    metadata_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coupons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "promotion_codes",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    livemode = table.Column<bool>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    code_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    coupon_id = table.Column<string>(type: "TEXT", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    max_redemptions = table.Column<long>(type: "INTEGER", nullable: true),
                    times_redeemed = table.Column<long>(type: "INTEGER", nullable: false),
                    redemptions_reserved = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    minimum_amount = table.Column<long>(type: "INTEGER", nullable: true),
                    minimum_amount_currency = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    first_time_transaction = table.Column<bool>(type: "INTEGER", nullable: false),
                    metadata_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_promotion_codes", x => x.id);
                    table.ForeignKey(
                        name: "fk_promotion_codes_coupons_coupon_id",
                        column: x => x.coupon_id,
                        principalTable: "coupons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_checkout_sessions_livemode_buyer_email_status",
                table: "checkout_sessions",
                columns: new[] { "livemode", "buyer_email", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_coupons_livemode_created_at_id",
                table: "coupons",
                columns: new[] { "livemode", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_coupons_livemode_updated_at_id",
                table: "coupons",
                columns: new[] { "livemode", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_promotion_codes_coupon_id_created_at",
                table: "promotion_codes",
                columns: new[] { "coupon_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_promotion_codes_livemode_active_created_at_id",
                table: "promotion_codes",
                columns: new[] { "livemode", "active", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_promotion_codes_livemode_active_updated_at_id",
                table: "promotion_codes",
                columns: new[] { "livemode", "active", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_promotion_codes_livemode_code_key",
                table: "promotion_codes",
                columns: new[] { "livemode", "code_key" },
                unique: true,
                filter: "active");

            migrationBuilder.CreateIndex(
                name: "ix_promotion_codes_livemode_code_key_created_at",
                table: "promotion_codes",
                columns: new[] { "livemode", "code_key", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_promotion_codes_livemode_created_at_id",
                table: "promotion_codes",
                columns: new[] { "livemode", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_promotion_codes_livemode_updated_at_id",
                table: "promotion_codes",
                columns: new[] { "livemode", "updated_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "promotion_codes");

            migrationBuilder.DropTable(
                name: "coupons");

            migrationBuilder.DropIndex(
                name: "ix_checkout_sessions_livemode_buyer_email_status",
                table: "checkout_sessions");

            migrationBuilder.DropColumn(
                name: "buyer_email",
                table: "checkout_sessions");

            migrationBuilder.DropColumn(
                name: "coupon_id",
                table: "checkout_sessions");

            migrationBuilder.DropColumn(
                name: "promotion_code_id",
                table: "checkout_sessions");
        }
    }
}
