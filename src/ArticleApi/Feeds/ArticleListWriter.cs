using System.Text.Json;
using ArticleApi.Articles;
using ArticleApi.Http;
using Microsoft.Extensions.Options;

namespace ArticleApi.Feeds;

/// <summary>
/// The article list in a format other than its JSON page: a feed of the page the JSON list would show (Atom, RSS 2.0,
/// JSON Feed 1.1), or an export of the whole result from the cursor on (NDJSON, CSV), streamed batch by batch.
/// </summary>
internal sealed class ArticleListWriter(FeedPageReader feeds, ArticleExport export, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IArticleListWriter
{
    public async Task<RepresentationResult> WriteAsync(
        ArticleScope scope, ArticleQuery query, ResponseFormat format, FieldSelection? fields, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (format.IsExport)
        {
            return new RepresentationResult(format, context => ExportAsync(context, query, format, fields));
        }

        var page = await feeds.ReadAsync(scope, query, httpContext, cancellationToken);
        if (format == ResponseFormat.JsonFeed)
        {
            return new RepresentationResult(format, async context =>
            {
                await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, new JsonWriterOptions { Encoder = json.Value.SerializerOptions.Encoder }))
                {
                    JsonFeedWriter.Write(writer, page);
                }

                await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
            });
        }

        var body = SyndicationWriter.Write(page, format, new FeedLinks(httpContext).Base + "/topics");
        return new RepresentationResult(format, context => context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask());
    }

    private async Task ExportAsync(HttpContext context, ArticleQuery query, ResponseFormat format, FieldSelection? fields)
    {
        // The headers go now; a HEAD request (a GET until its response starts: HeadRequests) stops here instead of reading every row.
        await context.Response.StartAsync(context.RequestAborted);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var batches = export.ReadAsync(query, context.RequestAborted);
        var output = context.Response.BodyWriter;
        await (format == ResponseFormat.Csv
            ? CsvWriter.WriteAsync(output, batches, CsvWriter.ColumnsFor(fields, searching: query.Search is not null), context.RequestAborted)
            : NdjsonWriter.WriteAsync(output, batches, fields, json.Value.SerializerOptions, context.RequestAborted));
    }
}
