using ArticleApi.Articles;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ArticleApi;

/// <summary>The Swagger document as a whole: title, description, server, tag descriptions; parameters are described by <see cref="ParameterDocumentation"/>.</summary>
internal sealed class ApiDocumentation : IDocumentFilter
{
    public const string DocumentName = "v1";

    public static void Configure(SwaggerGenOptions options)
    {
        options.SwaggerDoc(DocumentName, new OpenApiInfo
        {
            Title = "ArticleApi",
            Version = "v1",
            Description = "Articles, topics, providers and related links imported from Markdown front matter. Errors are RFC 9457 problem details. "
                + "Every GET answers HEAD too, and carries a weak ETag: send it back in If-None-Match for a 304 until an import changes something.",
        });
        // A relative server: the document is right on whatever host and port serves it.
        options.AddServer(new OpenApiServer { Url = "/", Description = "This server" });
        options.OperationFilter<ParameterDocumentation>();
        options.DocumentFilter<ApiDocumentation>();
    }

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Articles"] = "Imported items: lists with filters, search, facets and keyset paging; whole articles, related links, backlinks.",
        ["Topics"] = "Topics with article counts, and each topic's articles.",
        ["Providers"] = "Publishers by domain with logo and article counts, and each provider's articles.",
        ["Related"] = "Related links across all articles, resolved to imported articles where they point at one.",
        ["Import"] = "The import of Markdown files into the database: status and on-demand passes.",
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        foreach (var tag in swaggerDoc.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag is OpenApiTag { Name: { } name } openApiTag && TagDescriptions.TryGetValue(name, out var description))
            {
                openApiTag.Description = description;
            }
        }
    }
}
