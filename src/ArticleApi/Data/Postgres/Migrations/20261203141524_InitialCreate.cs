using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ArticleApi.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true),
                    SourceDirectory = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Seen = table.Column<int>(type: "integer", nullable: false),
                    Added = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Renamed = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    Deleted = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Changed = table.Column<bool>(type: "boolean", nullable: false),
                    Details = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Providers",
                columns: table => new
                {
                    Domain = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    LogoUrl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    LogoWidth = table.Column<int>(type: "integer", nullable: true),
                    LogoHeight = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Providers", x => x.Domain);
                });

            migrationBuilder.CreateTable(
                name: "Topics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Topics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Key = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    SourcePath = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ContentHash = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    FileLength = table.Column<long>(type: "bigint", nullable: false),
                    FileModifiedAt = table.Column<long>(type: "bigint", nullable: false),
                    ImportedAt = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Excerpt = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PublishedDateTime = table.Column<long>(type: "bigint", nullable: true),
                    WebUrl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    OriginalUrl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    AmpWebUrl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CdnAmpWebUrl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Link = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Type = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Category = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Quality = table.Column<int>(type: "integer", nullable: true),
                    Heat = table.Column<int>(type: "integer", nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: true),
                    ProviderDomain = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ProviderName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ProviderExtra = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Secured = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Body = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Extra = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Articles", x => x.Key);
                    table.ForeignKey(
                        name: "FK_Articles_Providers_ProviderDomain",
                        column: x => x.ProviderDomain,
                        principalTable: "Providers",
                        principalColumn: "Domain",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ArticleImages",
                columns: table => new
                {
                    Position = table.Column<int>(type: "integer", nullable: false),
                    OwnerKey = table.Column<long>(type: "bigint", nullable: false),
                    Url = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Width = table.Column<int>(type: "integer", nullable: true),
                    Height = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    IsCached = table.Column<bool>(type: "boolean", nullable: true),
                    Extra = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleImages", x => new { x.OwnerKey, x.Position });
                    table.ForeignKey(
                        name: "FK_ArticleImages_Articles_OwnerKey",
                        column: x => x.OwnerKey,
                        principalTable: "Articles",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArticleProviderImages",
                columns: table => new
                {
                    Position = table.Column<int>(type: "integer", nullable: false),
                    OwnerKey = table.Column<long>(type: "bigint", nullable: false),
                    Url = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Width = table.Column<int>(type: "integer", nullable: true),
                    Height = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    IsCached = table.Column<bool>(type: "boolean", nullable: true),
                    Extra = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleProviderImages", x => new { x.OwnerKey, x.Position });
                    table.ForeignKey(
                        name: "FK_ArticleProviderImages_Articles_OwnerKey",
                        column: x => x.OwnerKey,
                        principalTable: "Articles",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArticleTopics",
                columns: table => new
                {
                    ArticleKey = table.Column<long>(type: "bigint", nullable: false),
                    TopicId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    NameAsWritten = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleTopics", x => new { x.ArticleKey, x.TopicId });
                    table.ForeignKey(
                        name: "FK_ArticleTopics_Articles_ArticleKey",
                        column: x => x.ArticleKey,
                        principalTable: "Articles",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ArticleTopics_Topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RelatedLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleKey = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Excerpt = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PublishedDateTime = table.Column<long>(type: "bigint", nullable: true),
                    WebUrl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    AmpWebUrl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CdnAmpWebUrl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Type = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Quality = table.Column<int>(type: "integer", nullable: true),
                    ProviderName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ProviderDomain = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Extra = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelatedLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RelatedLinks_Articles_ArticleKey",
                        column: x => x.ArticleKey,
                        principalTable: "Articles",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RelatedLinkImages",
                columns: table => new
                {
                    Position = table.Column<int>(type: "integer", nullable: false),
                    OwnerKey = table.Column<long>(type: "bigint", nullable: false),
                    Url = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Width = table.Column<int>(type: "integer", nullable: true),
                    Height = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    IsCached = table.Column<bool>(type: "boolean", nullable: true),
                    Extra = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelatedLinkImages", x => new { x.OwnerKey, x.Position });
                    table.ForeignKey(
                        name: "FK_RelatedLinkImages_RelatedLinks_OwnerKey",
                        column: x => x.OwnerKey,
                        principalTable: "RelatedLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Heat_Id",
                table: "Articles",
                columns: new[] { "Heat", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Id",
                table: "Articles",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Link",
                table: "Articles",
                column: "Link");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ProviderDomain_Heat_Id",
                table: "Articles",
                columns: new[] { "ProviderDomain", "Heat", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ProviderDomain_PublishedDateTime_Id",
                table: "Articles",
                columns: new[] { "ProviderDomain", "PublishedDateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ProviderDomain_Quality_Id",
                table: "Articles",
                columns: new[] { "ProviderDomain", "Quality", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Published_PublishedDateTime_Id",
                table: "Articles",
                columns: new[] { "Published", "PublishedDateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedDateTime_Id",
                table: "Articles",
                columns: new[] { "PublishedDateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Quality_Id",
                table: "Articles",
                columns: new[] { "Quality", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SourcePath",
                table: "Articles",
                column: "SourcePath",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Type_PublishedDateTime_Id",
                table: "Articles",
                columns: new[] { "Type", "PublishedDateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_WebUrl",
                table: "Articles",
                column: "WebUrl");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTopics_TopicId_ArticleKey",
                table: "ArticleTopics",
                columns: new[] { "TopicId", "ArticleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_Changed_Id",
                table: "ImportRuns",
                columns: new[] { "Changed", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RelatedLinks_ArticleKey_Position",
                table: "RelatedLinks",
                columns: new[] { "ArticleKey", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RelatedLinks_ProviderDomain_Id",
                table: "RelatedLinks",
                columns: new[] { "ProviderDomain", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RelatedLinks_WebUrl",
                table: "RelatedLinks",
                column: "WebUrl");

            migrationBuilder.CreateIndex(
                name: "IX_Topics_Slug",
                table: "Topics",
                column: "Slug",
                unique: true);

            // Not in the EF model (written by hand): a tsvector over title (weight A) and excerpt (weight B) with a GIN
            // index. The text search configuration is PostgreSQL's `simple` (no stemming, no stop words, like SQLite's
            // unicode61) with accents removed by `unaccent` (like remove_diacritics).
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                DROP TEXT SEARCH CONFIGURATION IF EXISTS articleapi;
                CREATE TEXT SEARCH CONFIGURATION articleapi (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION articleapi ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple;
                ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('articleapi'::regconfig, coalesce("Title", '')), 'A') ||
                    setweight(to_tsvector('articleapi'::regconfig, coalesce("Excerpt", '')), 'B')) STORED;
                CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleImages");

            migrationBuilder.DropTable(
                name: "ArticleProviderImages");

            migrationBuilder.DropTable(
                name: "ArticleTopics");

            migrationBuilder.DropTable(
                name: "ImportRuns");

            migrationBuilder.DropTable(
                name: "RelatedLinkImages");

            migrationBuilder.DropTable(
                name: "Topics");

            migrationBuilder.DropTable(
                name: "RelatedLinks");

            migrationBuilder.DropTable(
                name: "Articles");

            migrationBuilder.DropTable(
                name: "Providers");

            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS articleapi;");
        }
    }
}
