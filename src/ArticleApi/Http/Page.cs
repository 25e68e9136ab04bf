using System.Text.Json.Serialization;

namespace ArticleApi.Http;

/// <summary>
/// The one envelope of a paged list: the page's <c>items</c>, and <c>next</c>, the URL of the following page (null on
/// the last). Lists that carry more (an article page's total and facets) derive from it, after these two.
/// </summary>
internal record Page<T>([property: JsonPropertyOrder(-2)] IReadOnlyList<T> Items, [property: JsonPropertyOrder(-1)] string? Next);

/// <summary>A short list that is never paged (an article's related links, its backlinks): <c>items</c> only.</summary>
internal sealed record ItemList<T>(IReadOnlyList<T> Items);
