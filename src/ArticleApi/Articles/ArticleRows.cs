using ArticleApi.Data;
namespace ArticleApi.Articles;

/// <summary>
/// The rows of <see cref="ArticleRowStatements"/>, read by column name: instants as stored
/// (Unix milliseconds), collections as JSON text for <see cref="ArticleJsonColumns"/>.
/// </summary>
internal sealed class ArticleItemRow
{
    public static ArticleItemRow Read(RowColumns columns) => new()
    {
        Key = columns.Long(nameof(Key)),
        Id = columns.Text(nameof(Id)),
        SourcePath = columns.Text(nameof(SourcePath)),
        Title = columns.Text(nameof(Title)),
        Excerpt = columns.NullableText(nameof(Excerpt)),
        PublishedDateTime = columns.NullableLong(nameof(PublishedDateTime)),
        WebUrl = columns.NullableText(nameof(WebUrl)),
        Type = columns.NullableText(nameof(Type)),
        Category = columns.NullableText(nameof(Category)),
        Quality = columns.NullableInt(nameof(Quality)),
        Heat = columns.NullableInt(nameof(Heat)),
        Published = columns.NullableBool(nameof(Published)),
        ProviderName = columns.NullableText(nameof(ProviderName)),
        ProviderDomain = columns.NullableText(nameof(ProviderDomain)),
        FirstImage = columns.NullableText(nameof(FirstImage)),
        Topics = columns.NullableText(nameof(Topics)),
    };

    public long Key { get; init; }

    public string Id { get; init; } = "";

    public string SourcePath { get; init; } = "";

    public string Title { get; init; } = "";

    public string? Excerpt { get; init; }

    public long? PublishedDateTime { get; init; }

    public string? WebUrl { get; init; }

    public string? Type { get; init; }

    public string? Category { get; init; }

    public int? Quality { get; init; }

    public int? Heat { get; init; }

    public bool? Published { get; init; }

    public string? ProviderName { get; init; }

    public string? ProviderDomain { get; init; }

    public string? FirstImage { get; init; }

    public string? Topics { get; init; }
}

/// <summary>One article with everything its detail shows; see <see cref="ArticleItemRow"/>.</summary>
internal sealed class ArticleDetailRow
{
    public static ArticleDetailRow Read(RowColumns columns) => new()
    {
        Key = columns.Long(nameof(Key)),
        Id = columns.Text(nameof(Id)),
        SourcePath = columns.Text(nameof(SourcePath)),
        Title = columns.Text(nameof(Title)),
        Excerpt = columns.NullableText(nameof(Excerpt)),
        PublishedDateTime = columns.NullableLong(nameof(PublishedDateTime)),
        OriginalUrl = columns.NullableText(nameof(OriginalUrl)),
        WebUrl = columns.NullableText(nameof(WebUrl)),
        AmpWebUrl = columns.NullableText(nameof(AmpWebUrl)),
        CdnAmpWebUrl = columns.NullableText(nameof(CdnAmpWebUrl)),
        Type = columns.NullableText(nameof(Type)),
        Category = columns.NullableText(nameof(Category)),
        Quality = columns.NullableInt(nameof(Quality)),
        Heat = columns.NullableInt(nameof(Heat)),
        Published = columns.NullableBool(nameof(Published)),
        ProviderName = columns.NullableText(nameof(ProviderName)),
        ProviderRowName = columns.NullableText(nameof(ProviderRowName)),
        ProviderDomain = columns.NullableText(nameof(ProviderDomain)),
        ProviderExtra = columns.NullableText(nameof(ProviderExtra)),
        Secured = columns.NullableText(nameof(Secured)),
        Body = columns.Text(nameof(Body)),
        ImportedAt = columns.Long(nameof(ImportedAt)),
        Extra = columns.NullableText(nameof(Extra)),
        Images = columns.NullableText(nameof(Images)),
        ProviderImages = columns.NullableText(nameof(ProviderImages)),
        Topics = columns.NullableText(nameof(Topics)),
        Related = columns.NullableText(nameof(Related)),
    };

    public long Key { get; init; }

    public string Id { get; init; } = "";

    public string SourcePath { get; init; } = "";

    public string Title { get; init; } = "";

    public string? Excerpt { get; init; }

    public long? PublishedDateTime { get; init; }

    public string? OriginalUrl { get; init; }

    public string? WebUrl { get; init; }

    public string? AmpWebUrl { get; init; }

    public string? CdnAmpWebUrl { get; init; }

    public string? Type { get; init; }

    public string? Category { get; init; }

    public int? Quality { get; init; }

    public int? Heat { get; init; }

    public bool? Published { get; init; }

    public string? ProviderName { get; init; }

    public string? ProviderRowName { get; init; }

    public string? ProviderDomain { get; init; }

    public string? ProviderExtra { get; init; }

    public string? Secured { get; init; }

    public string Body { get; init; } = "";

    public long ImportedAt { get; init; }

    public string? Extra { get; init; }

    public string? Images { get; init; }

    public string? ProviderImages { get; init; }

    public string? Topics { get; init; }

    public string? Related { get; init; }
}
