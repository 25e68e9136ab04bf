using ArticleApi.Articles;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Feeds;

/// <summary>
/// Reads the page a feed shows: the same page as the JSON list (same filters, sort, limit and cursor, through
/// <see cref="ArticleListReader"/>), plus one query for what list items do not carry: each article's link and import time.
/// </summary>
internal sealed class FeedPageReader(ArticleDbContext context, ArticleListReader reader)
{
    public async Task<FeedPage> ReadAsync(ArticleScope scope, ArticleQuery query, HttpContext httpContext, CancellationToken cancellationToken)
    {
        // A feed has no place for a total or facet counts: do not count them.
        var page = await reader.ReadAsync(query with { IncludeTotal = false, Facets = [] }, httpContext, written: false, cancellationToken);
        var ids = page.Items.Select(i => i.Id).ToList();
        var extras = await context.Articles.Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Link, a.ImportedAt })
            .ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, cancellationToken);

        var links = new FeedLinks(httpContext);
        var entries = page.Items.Where(i => extras.ContainsKey(i.Id)).Select(item =>
        {
            var extra = extras[item.Id];
            var apiUrl = links.Article(item.Id);
            return new FeedEntry(item, apiUrl, IsWebLink(extra.Link) ? extra.Link! : apiUrl, extra.ImportedAt);
        }).ToList();

        // The newest import among the entries; an empty page has no time of its own, so it says the epoch.
        var updated = entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(e => e.Updated);
        return new FeedPage(Title(scope), links.Id, links.Self, links.List, page.Next is null ? null : links.Absolute(page.Next), updated, entries);
    }

    private static string Title(ArticleScope scope) => scope switch
    {
        { Topic: { } topic } => $"ArticleApi: articles on topic {topic}",
        { Provider: { } provider } => $"ArticleApi: articles from {provider}",
        _ => "ArticleApi: articles",
    };

    /// <summary>Feeds need absolute http(s) links; a file's link that is not one is replaced by the API's own URL.</summary>
    internal static bool IsWebLink(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
