using ArticleApi.Http;

namespace ArticleApi.Articles;

/// <summary>
/// Writes an article list in a <see cref="ResponseFormat"/> other than its JSON page: the feeds and exports of
/// <c>ArticleApi.Feeds</c>. The list handler asks for it by this seam so that Feeds depends on Articles and not the
/// other way round.
/// </summary>
internal interface IArticleListWriter
{
    /// <summary>
    /// The response for <paramref name="query"/> (validated, narrowed to its scope) in <paramref name="format"/>; an export
    /// writes only <paramref name="fields"/> when given.
    /// </summary>
    Task<RepresentationResult> WriteAsync(
        ArticleScope scope, ArticleQuery query, ResponseFormat format, FieldSelection? fields, HttpContext httpContext, CancellationToken cancellationToken);
}
