using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArticleApi.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ImportRunDataVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ImportRuns_Changed_Id",
                table: "ImportRuns");

            migrationBuilder.AddColumn<long>(
                name: "DataVersion",
                table: "ImportRuns",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_DataVersion",
                table: "ImportRuns",
                column: "DataVersion");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ImportRuns_DataVersion",
                table: "ImportRuns");

            migrationBuilder.DropColumn(
                name: "DataVersion",
                table: "ImportRuns");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_Changed_Id",
                table: "ImportRuns",
                columns: new[] { "Changed", "Id" });
        }
    }
}
