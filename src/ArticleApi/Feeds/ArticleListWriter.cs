using System.Text.Json;
using ArticleApi.Articles;
using ArticleApi.Http;

namespace ArticleApi.Feeds;

/// <summary>The article list in a feed format: the page the JSON list would show, as Atom, RSS 2.0 or JSON Feed 1.1.</summary>
internal sealed class ArticleListWriter(FeedPageReader feeds) : IArticleListWriter
{
    public async Task<RepresentationResult> WriteAsync(
        ArticleScope scope, ArticleQuery query, ResponseFormat format, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var page = await feeds.ReadAsync(scope, query, httpContext, cancellationToken);
        var topicsUrl = new FeedLinks(httpContext).Base + "/topics";
        if (format == ResponseFormat.JsonFeed)
        {
            return new RepresentationResult(format, async context =>
            {
                await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter))
                {
                    JsonFeedWriter.Write(writer, page);
                }

                await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
            });
        }

        var body = SyndicationWriter.Write(page, format, topicsUrl);
        return new RepresentationResult(format, context => context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask());
    }
}
