using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArticleApi.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchBody : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Not in the EF model (written by hand): the tsvector gains the markdown body with weight C (searchIn=body;
            // a search restricted to some fields asks for their weights). A generated column's expression cannot be
            // altered, so the column and its GIN index are made anew.
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Articles_SearchVector";
                ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchVector";
                ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('articleapi'::regconfig, coalesce("Title", '')), 'A') ||
                    setweight(to_tsvector('articleapi'::regconfig, coalesce("Excerpt", '')), 'B') ||
                    setweight(to_tsvector('articleapi'::regconfig, coalesce("Body", '')), 'C')) STORED;
                CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Articles_SearchVector";
                ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchVector";
                ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('articleapi'::regconfig, coalesce("Title", '')), 'A') ||
                    setweight(to_tsvector('articleapi'::regconfig, coalesce("Excerpt", '')), 'B')) STORED;
                CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");
                """);
        }
    }
}
