using System.Text.Json;
using System.Text.Json.Serialization;
using ArticleApi.Model;

namespace ArticleApi.Articles;

/// <summary>The whole article: every key of its file in its place, unknown keys under <c>extra</c> as written.</summary>
internal sealed record ArticleDetail(
    string Id,
    string SourcePath,
    string Title,
    string? Excerpt,
    DateTimeOffset? PublishedDateTime,
    string? OriginalUrl,
    string? WebUrl,
    string? AmpWebUrl,
    string? CdnAmpWebUrl,
    string? Type,
    string? Category,
    int? Quality,
    int? Heat,
    bool? Published,
    ProviderDetail? Provider,
    IReadOnlyList<TopicReference> Topics,
    IReadOnlyList<ImageDetail> Images,
    IReadOnlyList<RelatedLinkResponse> Related,
    string? Secured,
    string Body,
    DateTimeOffset ImportedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Extra);
