using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArticleApi.Articles;

/// <summary>A provider as the file gave it: its keys beyond name, domain and images (for example <c>authors</c>) sit beside them.</summary>
internal sealed record ProviderDetail(
    string? Name,
    string? Domain,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ImageDetail>? Images)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
