using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArticleApi.Data.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ListTopics",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            // Rows imported before this migration get their list copies from the tables they copy.
            migrationBuilder.Sql("""
                UPDATE "Articles" SET
                "ListTopics" = NULLIF((SELECT json_group_array(json_array(COALESCE(t."NameAsWritten", tp."Name"), tp."Slug") ORDER BY t."Position")
                    FROM "ArticleTopics" t JOIN "Topics" tp ON tp."Id" = t."TopicId" WHERE t."ArticleKey" = "Articles"."Key"), '[]'),
                "ListImage" = (SELECT json_array(i."Url", i."Width", i."Height") FROM "ArticleImages" i WHERE i."OwnerKey" = "Articles"."Key" AND i."Position" = 0);
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
