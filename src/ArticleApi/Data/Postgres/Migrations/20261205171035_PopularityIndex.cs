using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArticleApi.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PopularityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Recency",
                table: "Articles",
                type: "bigint",
                nullable: false,
                computedColumnSql: "COALESCE(\"PublishedDateTime\", -62135596800001)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Heat_Recency_Id",
                table: "Articles",
                columns: new[] { "Heat", "Recency", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ProviderDomain_Heat_Recency_Id",
                table: "Articles",
                columns: new[] { "ProviderDomain", "Heat", "Recency", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Heat_Recency_Id",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_ProviderDomain_Heat_Recency_Id",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Recency",
                table: "Articles");
        }
    }
}
