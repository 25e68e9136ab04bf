using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArticleApi.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ListImage",
                table: "Articles",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ListTopics",
                table: "Articles",
                type: "text",
                nullable: true,
                collation: "C");

            // Rows imported before this migration get their list copies from the tables they copy.
            migrationBuilder.Sql("""
                UPDATE "Articles" a SET
                "ListTopics" = (SELECT json_agg(json_build_array(COALESCE(t."NameAsWritten", tp."Name"), tp."Slug") ORDER BY t."Position")::text
                    FROM "ArticleTopics" t JOIN "Topics" tp ON tp."Id" = t."TopicId" WHERE t."ArticleKey" = a."Key"),
                "ListImage" = (SELECT json_build_array(i."Url", i."Width", i."Height")::text FROM "ArticleImages" i WHERE i."OwnerKey" = a."Key" AND i."Position" = 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ListImage",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ListTopics",
                table: "Articles");
        }
    }
}
