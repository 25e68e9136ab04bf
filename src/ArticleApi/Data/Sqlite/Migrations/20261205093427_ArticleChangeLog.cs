using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArticleApi.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ArticleChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArticleChanges",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<string>(type: "TEXT", nullable: false),
                    IsDeletion = table.Column<bool>(type: "INTEGER", nullable: false),
                    DataVersion = table.Column<long>(type: "INTEGER", nullable: true),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleChanges", x => x.Seq);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleChanges_ArticleId_DataVersion",
                table: "ArticleChanges",
                columns: new[] { "ArticleId", "DataVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleChanges_ChangedAt",
                table: "ArticleChanges",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleChanges_Unstamped",
                table: "ArticleChanges",
                column: "Seq",
                filter: "\"DataVersion\" IS NULL");

            // The change log is written by the database: every insertion and deletion of an article row, whatever
            // writes it. A write stamps its rows with the data version it moves to, and its pass's start, in the same
            // transaction (ArticleWriter moves ImportRuns.DataVersion once per batch).
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleChangesInsert AFTER INSERT ON Articles BEGIN
                    INSERT INTO ArticleChanges(ArticleId, IsDeletion) VALUES (new.Id, 0);
                END;
                CREATE TRIGGER ArticleChangesDelete AFTER DELETE ON Articles BEGIN
                    INSERT INTO ArticleChanges(ArticleId, IsDeletion) VALUES (old.Id, 1);
                END;
                CREATE TRIGGER ArticleChangesStamp AFTER UPDATE OF DataVersion ON ImportRuns BEGIN
                    UPDATE ArticleChanges SET DataVersion = new.DataVersion, ChangedAt = new.StartedAt WHERE DataVersion IS NULL;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS ArticleChangesInsert;
                DROP TRIGGER IF EXISTS ArticleChangesDelete;
                DROP TRIGGER IF EXISTS ArticleChangesStamp;
                """);

            migrationBuilder.DropTable(
                name: "ArticleChanges");
        }
    }
}
