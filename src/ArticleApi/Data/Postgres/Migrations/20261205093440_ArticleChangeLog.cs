using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ArticleApi.Data.Postgres.Migrations
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
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    IsDeletion = table.Column<bool>(type: "boolean", nullable: false),
                    DataVersion = table.Column<long>(type: "bigint", nullable: true),
                    ChangedAt = table.Column<long>(type: "bigint", nullable: true)
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
            // writes it (COPY included). Statement-level triggers with transition tables: one INSERT ... SELECT per
            // statement, not one per row. A write stamps its rows with the data version it moves to, and its pass's
            // start, in the same transaction (ArticleWriter moves ImportRuns.DataVersion once per batch).
            migrationBuilder.Sql("""
                CREATE FUNCTION articleapi_log_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "ArticleChanges"("ArticleId", "IsDeletion") SELECT "Id", false FROM inserted ORDER BY "Key";
                    RETURN NULL;
                END $$;
                CREATE FUNCTION articleapi_log_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "ArticleChanges"("ArticleId", "IsDeletion") SELECT "Id", true FROM deleted ORDER BY "Key";
                    RETURN NULL;
                END $$;
                CREATE FUNCTION articleapi_stamp_changes() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "ArticleChanges" SET "DataVersion" = NEW."DataVersion", "ChangedAt" = NEW."StartedAt" WHERE "DataVersion" IS NULL;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "ArticleChangesInsert" AFTER INSERT ON "Articles" REFERENCING NEW TABLE AS inserted
                    FOR EACH STATEMENT EXECUTE FUNCTION articleapi_log_inserted();
                CREATE TRIGGER "ArticleChangesDelete" AFTER DELETE ON "Articles" REFERENCING OLD TABLE AS deleted
                    FOR EACH STATEMENT EXECUTE FUNCTION articleapi_log_deleted();
                CREATE TRIGGER "ArticleChangesStamp" AFTER UPDATE OF "DataVersion" ON "ImportRuns"
                    FOR EACH ROW EXECUTE FUNCTION articleapi_stamp_changes();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "ArticleChangesInsert" ON "Articles";
                DROP TRIGGER IF EXISTS "ArticleChangesDelete" ON "Articles";
                DROP TRIGGER IF EXISTS "ArticleChangesStamp" ON "ImportRuns";
                DROP FUNCTION IF EXISTS articleapi_log_inserted();
                DROP FUNCTION IF EXISTS articleapi_log_deleted();
                DROP FUNCTION IF EXISTS articleapi_stamp_changes();
                """);

            migrationBuilder.DropTable(
                name: "ArticleChanges");
        }
    }
}
