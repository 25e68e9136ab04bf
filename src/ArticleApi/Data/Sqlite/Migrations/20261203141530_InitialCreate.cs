using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArticleApi.Data.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SourceDirectory = table.Column<string>(type: "TEXT", nullable: false),
                    Seen = table.Column<int>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Renamed = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Deleted = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false),
                    Changed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Providers",
                columns: table => new
                {
                    Domain = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    LogoUrl = table.Column<string>(type: "TEXT", nullable: true),
                    LogoWidth = table.Column<int>(type: "INTEGER", nullable: true),
                    LogoHeight = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Providers", x => x.Domain);
                });

            migrationBuilder.CreateTable(
                name: "Topics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Topics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    SourcePath = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                    FileLength = table.Column<long>(type: "INTEGER", nullable: false),
                    FileModifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Excerpt = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    WebUrl = table.Column<string>(type: "TEXT", nullable: true),
                    OriginalUrl = table.Column<string>(type: "TEXT", nullable: true),
                    AmpWebUrl = table.Column<string>(type: "TEXT", nullable: true),
                    CdnAmpWebUrl = table.Column<string>(type: "TEXT", nullable: true),
                    Link = table.Column<string>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", nullable: true),
                    Quality = table.Column<int>(type: "INTEGER", nullable: true),
                    Heat = table.Column<int>(type: "INTEGER", nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: true),
                    ProviderDomain = table.Column<string>(type: "TEXT", nullable: true),
                    ProviderName = table.Column<string>(type: "TEXT", nullable: true),
                    ProviderExtra = table.Column<string>(type: "TEXT", nullable: true),
                    Secured = table.Column<string>(type: "TEXT", nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Extra = table.Column<string>(type: "TEXT", nullable: true)
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
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerKey = table.Column<long>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    IsCached = table.Column<bool>(type: "INTEGER", nullable: true),
                    Extra = table.Column<string>(type: "TEXT", nullable: true)
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
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerKey = table.Column<long>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    IsCached = table.Column<bool>(type: "INTEGER", nullable: true),
                    Extra = table.Column<string>(type: "TEXT", nullable: true)
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
                    ArticleKey = table.Column<long>(type: "INTEGER", nullable: false),
                    TopicId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    NameAsWritten = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleKey = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    Excerpt = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    WebUrl = table.Column<string>(type: "TEXT", nullable: true),
                    AmpWebUrl = table.Column<string>(type: "TEXT", nullable: true),
                    CdnAmpWebUrl = table.Column<string>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", nullable: true),
                    Quality = table.Column<int>(type: "INTEGER", nullable: true),
                    ProviderName = table.Column<string>(type: "TEXT", nullable: true),
                    ProviderDomain = table.Column<string>(type: "TEXT", nullable: true),
                    Extra = table.Column<string>(type: "TEXT", nullable: true)
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
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerKey = table.Column<long>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    IsCached = table.Column<bool>(type: "INTEGER", nullable: true),
                    Extra = table.Column<string>(type: "TEXT", nullable: true)
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

            // Not in the EF model (written by hand): the FTS5 index over title and excerpt, kept in step by triggers.
            migrationBuilder.Sql("""
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
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticlesFts;");

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
        }
    }
}
