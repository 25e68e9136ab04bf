using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArticleApi.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchBody : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Not in the EF model (written by hand): the FTS5 index gains the markdown body as a third column (searchIn=body),
            // made anew with its triggers and rebuilt from the Articles rows.
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS ArticlesFtsInsert;
                DROP TRIGGER IF EXISTS ArticlesFtsDelete;
                DROP TRIGGER IF EXISTS ArticlesFtsUpdate;
                DROP TABLE IF EXISTS ArticlesFts;
                CREATE VIRTUAL TABLE ArticlesFts USING fts5(
                    Title, Excerpt, Body, content='Articles', content_rowid='Key', tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER ArticlesFtsInsert AFTER INSERT ON Articles BEGIN
                    INSERT INTO ArticlesFts(rowid, Title, Excerpt, Body) VALUES (new."Key", new.Title, new.Excerpt, new.Body);
                END;
                CREATE TRIGGER ArticlesFtsDelete AFTER DELETE ON Articles BEGIN
                    INSERT INTO ArticlesFts(ArticlesFts, rowid, Title, Excerpt, Body) VALUES ('delete', old."Key", old.Title, old.Excerpt, old.Body);
                END;
                CREATE TRIGGER ArticlesFtsUpdate AFTER UPDATE OF Title, Excerpt, Body ON Articles BEGIN
                    INSERT INTO ArticlesFts(ArticlesFts, rowid, Title, Excerpt, Body) VALUES ('delete', old."Key", old.Title, old.Excerpt, old.Body);
                    INSERT INTO ArticlesFts(rowid, Title, Excerpt, Body) VALUES (new."Key", new.Title, new.Excerpt, new.Body);
                END;
                INSERT INTO ArticlesFts(ArticlesFts) VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS ArticlesFtsInsert;
                DROP TRIGGER IF EXISTS ArticlesFtsDelete;
                DROP TRIGGER IF EXISTS ArticlesFtsUpdate;
                DROP TABLE IF EXISTS ArticlesFts;
                CREATE VIRTUAL TABLE ArticlesFts USING fts5(
                    Title, Excerpt, content='Articles', content_rowid='Key', tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER ArticlesFtsInsert AFTER INSERT ON Articles BEGIN
                    INSERT INTO ArticlesFts(rowid, Title, Excerpt) VALUES (new."Key", new.Title, new.Excerpt);
                END;
                CREATE TRIGGER ArticlesFtsDelete AFTER DELETE ON Articles BEGIN
                    INSERT INTO ArticlesFts(ArticlesFts, rowid, Title, Excerpt) VALUES ('delete', old."Key", old.Title, old.Excerpt);
                END;
                CREATE TRIGGER ArticlesFtsUpdate AFTER UPDATE OF Title, Excerpt ON Articles BEGIN
                    INSERT INTO ArticlesFts(ArticlesFts, rowid, Title, Excerpt) VALUES ('delete', old."Key", old.Title, old.Excerpt);
                    INSERT INTO ArticlesFts(rowid, Title, Excerpt) VALUES (new."Key", new.Title, new.Excerpt);
                END;
                INSERT INTO ArticlesFts(ArticlesFts) VALUES ('rebuild');
                """);
        }
    }
}
