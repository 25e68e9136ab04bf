using System.Text.Json;
using System.Text.Json.Serialization;
using ArticleApi.Http;
using ArticleApi.Model;

namespace ArticleApi.Articles;

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
        new(image.Url, image.Width, image.Height, image.Title, image.IsCached) { Extra = JsonExtras.Object(image.Extra) };
}
