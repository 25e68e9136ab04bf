using ArticleApi.Articles;

namespace ArticleApi.Feeds;

/// <summary>One page of an article list as every feed format needs it: titles, absolute links and entry times.</summary>
internal sealed record FeedPage(
    string Title, string Id, string Self, string List, string? Next, DateTimeOffset Updated, IReadOnlyList<FeedEntry> Entries);

/// <summary>
/// An article in a feed: <paramref name="Link"/> is its <c>webUrl</c>, else <c>originalUrl</c>, else the API's own URL
/// of it (<paramref name="ApiUrl"/>, also the entry's id); <paramref name="Updated"/> is when its file was last imported.
/// </summary>
internal sealed record FeedEntry(ArticleListItem Item, string ApiUrl, string Link, DateTimeOffset Updated);
