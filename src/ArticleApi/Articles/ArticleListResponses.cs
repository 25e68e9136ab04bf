using System.Text.Json.Serialization;
using ArticleApi.Articles.Counting;
using ArticleApi.Http;
using ArticleApi.Import.Reading;
using ArticleApi.Model;

namespace ArticleApi.Articles;

/// <summary>A page of articles. <c>next</c> is null on the last page; <c>total</c> and <c>facets</c> appear when asked for.</summary>
internal sealed record ArticlePage(
    IReadOnlyList<ArticleListItem> Items,
    string? Next,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>? Facets)
    : Page<ArticleListItem>(Items, Next);

/// <summary>One article in a list, with front-matter key names; <c>image</c> is the first image, <c>snippet</c> is there with <c>q</c>.</summary>
internal sealed record ArticleListItem(
    string Id,
    string SourcePath,
    string Title,
    string? Excerpt,
    DateTimeOffset? PublishedDateTime,
    string? WebUrl,
    string? Type,
    string? Category,
    int? Quality,
    int? Heat,
    bool? Published,
    ProviderSummary? Provider,
    IReadOnlyList<TopicReference> Topics,
    ImageSummary? Image,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Snippet);

internal sealed record ProviderSummary(string? Name, string? Domain);

internal sealed record TopicReference(string Name, string Slug);

internal sealed record ImageSummary(string Url, int? Width, int? Height);
