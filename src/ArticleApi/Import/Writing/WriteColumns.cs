namespace ArticleApi.Import.Writing;

/// <summary>
/// The tables and columns the importer writes, in the order it passes values. A test (WriteColumnsTests) holds each
/// list equal to the EF model's columns of that table, so a column added to the model cannot import as NULL unnoticed.
/// </summary>
internal static class WriteColumns
{
    public const string ArticlesTable = "Articles";
    public const string RelatedLinksTable = "RelatedLinks";
    public const string TopicsTable = "Topics";
    public const string ArticleTopicsTable = "ArticleTopics";
    public const string ProvidersTable = "Providers";
    public const string ArticleImagesTable = "ArticleImages";
    public const string ProviderImagesTable = "ArticleProviderImages";
    public const string RelatedLinkImagesTable = "RelatedLinkImages";

    public static readonly IReadOnlyList<string> Articles =
    [
        "Key", "Id", "SourcePath", "ContentHash", "FileLength", "FileModifiedAt", "ImportedAt", "Title", "Excerpt",
        "PublishedDateTime", "WebUrl", "OriginalUrl", "AmpWebUrl", "CdnAmpWebUrl", "Link", "Type", "Category", "Quality",
        "Heat", "Published", "ProviderDomain", "ProviderName", "ProviderExtra", "Secured", "Body", "Extra", "ListTopics", "ListImage",
    ];

    public static readonly IReadOnlyList<string> RelatedLinks =
    [
        "Id", "ArticleKey", "Position", "Title", "Excerpt", "PublishedDateTime", "WebUrl", "AmpWebUrl", "CdnAmpWebUrl",
        "Type", "Quality", "ProviderName", "ProviderDomain", "Extra",
    ];

    /// <summary>The three image tables share one shape.</summary>
    public static readonly IReadOnlyList<string> Images = ["OwnerKey", "Position", "Url", "Width", "Height", "Title", "IsCached", "Extra"];

    public static readonly IReadOnlyList<string> Topics = ["Id", "Slug", "Name"];

    public static readonly IReadOnlyList<string> ArticleTopics = ["ArticleKey", "TopicId", "Position", "NameAsWritten"];

    public static readonly IReadOnlyList<string> Providers = ["Domain", "Name", "LogoUrl", "LogoWidth", "LogoHeight"];
}
