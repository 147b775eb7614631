using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paylink.Data.Migrations.Postgres
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
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "coupon_id",
                table: "checkout_sessions",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "promotion_code_id",
                table: "checkout_sessions",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "coupons",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    livemode = table.Column<bool>(type: "boolean", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    percent_off_hundredths = table.Column<int>(type: "integer", nullable: true),
                    amount_off = table.Column<long>(type: "bigint", nullable: true),
                    currency_id = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true, collation: "C"),
                    duration = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    max_redemptions = table.Column<long>(type: "bigint", nullable: true),
                    times_redeemed = table.Column<long>(type: "bigint", nullable: false),
                    redemptions_reserved = table.Column<long>(type: "bigint", nullable: false),
                    redeem_by = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    applies_to_products_json = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    metadata_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coupons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "promotion_codes",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    livemode = table.Column<bool>(type: "boolean", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    code_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    coupon_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C"),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    max_redemptions = table.Column<long>(type: "bigint", nullable: true),
                    times_redeemed = table.Column<long>(type: "bigint", nullable: false),
                    redemptions_reserved = table.Column<long>(type: "bigint", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    minimum_amount = table.Column<long>(type: "bigint", nullable: true),
                    minimum_amount_currency = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true, collation: "C"),
                    first_time_transaction = table.Column<bool>(type: "boolean", nullable: false),
                    metadata_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
