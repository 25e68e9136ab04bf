using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArticleApi.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScanColumnsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_SourcePath_Id_ContentHash_FileLength_FileModifiedAt",
                table: "Articles",
                columns: new[] { "SourcePath", "Id", "ContentHash", "FileLength", "FileModifiedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_SourcePath_Id_ContentHash_FileLength_FileModifiedAt",
                table: "Articles");
        }
    }
}
