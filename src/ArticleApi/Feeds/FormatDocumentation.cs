using ArticleApi.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ArticleApi.Feeds;

/// <summary>
/// Lists the other representations (feeds and exports) of every operation that takes <c>format</c> (the article lists) beside its JSON
/// in the Swagger document's 200 response, so a client generator and a reader of the document see them.
/// </summary>
internal sealed class FormatDocumentation : IOperationFilter
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [ResponseFormat.Atom.MediaType] = "Atom 1.0 feed of the page (format=atom): entries with title, link, summary, published, updated, topics as categories, the provider as author, the image as enclosure and media:content; rel=next links the next page.",
        [ResponseFormat.Rss.MediaType] = "RSS 2.0 feed of the page (format=rss): items with title, link, description, pubDate, topics as categories, the provider as author, the image as enclosure and media:content.",
        [ResponseFormat.JsonFeed.MediaType] = "JSON Feed 1.1 of the page (format=jsonfeed); next_url is the next page.",
        [ResponseFormat.Ndjson.MediaType] = "Every matching article from the cursor on, not paged (format=ndjson): one list item per line, streamed.",
        [ResponseFormat.Csv.MediaType] = "Every matching article from the cursor on, not paged (format=csv): RFC 4180 with a header row; provider and image in columns of their own, topic slugs joined by ';', snippet with q; streamed.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Parameters?.Any(p => p.Name == ResponseFormat.ParameterName) != true
            || operation.Responses?.TryGetValue("200", out var response) != true || response is not OpenApiResponse { Content: { } content })
        {
            return;
        }

        foreach (var format in ResponseFormat.All.Where(f => f != ResponseFormat.Json))
        {
            content[format.MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = format == ResponseFormat.JsonFeed ? JsonSchemaType.Object : JsonSchemaType.String,
                    Description = Descriptions.GetValueOrDefault(format.MediaType),
                },
            };
        }
    }
}
