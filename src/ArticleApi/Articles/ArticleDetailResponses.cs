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

/// <summary>A provider as the file gave it: its keys beyond name, domain and images (for example <c>authors</c>) sit beside them.</summary>
internal sealed record ProviderDetail(
    string? Name,
    string? Domain,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ImageDetail>? Images)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>An image with every key it had.</summary>
internal sealed record ImageDetail(
    string Url,
    int? Width,
    int? Height,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsCached)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    public static ImageDetail From(Image image) =>
        new(image.Url, image.Width, image.Height, image.Title, image.IsCached) { Extra = Http.JsonExtras.Object(image.Extra) };
}
