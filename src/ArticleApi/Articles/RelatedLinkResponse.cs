using System.Text.Json;
using System.Text.Json.Serialization;
using ArticleApi.Articles;
using ArticleApi.Model;

namespace ArticleApi.Articles;

/// <summary>
/// A related link as its file wrote it, plus where it sits: <c>articleId</c> is the imported article it points at
/// (null when none), <c>sourceArticleId</c> the article whose list holds it.
/// </summary>
internal sealed record RelatedLinkResponse(
    long Id,
    string SourceArticleId,
    string? ArticleId,
    string? Title,
    string? Excerpt,
    DateTimeOffset? PublishedDateTime,
    string? WebUrl,
    string? AmpWebUrl,
    string? CdnAmpWebUrl,
    string? Type,
    int? Quality,
    ProviderDetail? Provider,
    IReadOnlyList<ImageDetail> Images,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Dictionary<string, JsonElement>? Extra);
