using System.Text.Json;
using System.Text.Json.Serialization;
using ArticleApi.Articles.Counting;
using ArticleApi.Http;

namespace ArticleApi.Articles;

/// <summary>
/// Source-generated serializers for the article responses written most (<see cref="GeneratedJson{TValue}"/>), with the
/// web defaults ASP.NET Core's own JSON options start from (names in camel case; escaping is the writer's, which takes
/// the service's encoder), so their bytes are those <c>Ok&lt;T&gt;</c> wrote (a test compares them).
/// Serialization only: the responses are never read back. Pages whose items are kept as JSON are written by
/// <see cref="RenderedPageJson"/>, which copies the items' bytes and writes the rest with this context. <see cref="ArticleDetail"/> stays with <c>Ok&lt;T&gt;</c>: its
/// providers and images keep unknown keys as extension data, which the generated fast path does not write.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ArticlePage))]
[JsonSerializable(typeof(ArticleListItem))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>))]
[JsonSerializable(typeof(ItemList<ArticleListItem>))]
internal sealed partial class ArticleJsonContext : JsonSerializerContext;
