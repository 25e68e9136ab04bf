using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArticleApi.Articles;

/// <summary>Reads a list item back from the JSON kept for it (<see cref="RenderedItemList"/>): the writing context only writes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ArticleListItem))]
internal sealed partial class ArticleItemReading : JsonSerializerContext;
