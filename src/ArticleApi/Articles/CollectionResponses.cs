namespace ArticleApi.Articles;

/// <summary>
/// One entry of a collection's <c>items</c>, in file order: <c>path</c> as written, <c>articleId</c> and <c>article</c>
/// the imported item it names, both null while that item is not imported.
/// </summary>
internal sealed record CollectionEntry(string Path, string? ArticleId, ArticleListItem? Article);
