using ArticleApi.Articles;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;
using Swashbuckle.AspNetCore.SwaggerGen;
using Swashbuckle.AspNetCore.SwaggerUI;

namespace ArticleApi.OpenApi;

/// <summary>
/// The OpenAPI document as a whole: title, description, server, tag descriptions, and the filters that make it tell
/// the truth about what the API sends (nullability and required members, typed parameters, shared enums, conditional
/// GET headers, the rate limit's 429, HEAD, the health probes). Parameter words are in <see cref="ParameterDocumentation"/>.
/// </summary>
internal sealed class ApiDocumentation : IDocumentFilter
{
    public const string DocumentName = "v1";

    public const string Title = "ArticleApi";

    public static void Configure(SwaggerGenOptions options)
    {
        options.SwaggerDoc(DocumentName, new OpenApiInfo
        {
            Title = Title,
            Version = "v1",
            Description = "Articles, topics, providers and related links imported from Markdown front matter. Errors are RFC 9457 problem details. "
                + "Every GET answers HEAD too, and carries a weak ETag: send it back in If-None-Match for a 304 until an import changes something. "
                + "Lists are paged by keyset: follow `next` (also sent as a `Link: rel=\"next\"` header) until it is null.",
        });
        // A relative server: the document is right on whatever host and port serves it.
        options.AddServer(new OpenApiServer { Url = "/", Description = "This server" });

        // Nullable where C# says so; required and omitted-when-null members of our records: ResponseSchemaFilter.
        options.SupportNonNullableReferenceTypes();
        options.CustomSchemaIds(SchemaIds.For);
        options.SchemaFilter<ResponseSchemaFilter>();
        options.SchemaFilter<FacetDocumentation>();
        options.OperationFilter<ParameterDocumentation>();
        options.OperationFilter<ConditionalGetDocumentation>();
        options.OperationFilter<RateLimitDocumentation>();
        options.DocumentFilter<HealthDocumentation>();
        options.DocumentFilter<ApiDocumentation>();
        // Last: every GET path of the finished document, the probes included, also answers HEAD.
        options.DocumentFilter<HeadDocumentation>();
    }

    /// <summary>
    /// OpenAPI 3.1, whose schemas are JSON Schema: null is a type, so a nullable reference is said exactly (3.0 has no
    /// exact way), and a response can be validated against the document with a plain JSON Schema validator.
    /// </summary>
    public static void Configure(SwaggerOptions options) => options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;

    /// <summary>Swagger UI: a page title that names the API (the default is "Swagger UI").</summary>
    public static void Configure(SwaggerUIOptions options) => options.DocumentTitle = Title + " - Swagger UI";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Articles"] = "Imported items: lists with filters, search, facets and keyset paging; whole articles, related links, backlinks, collections.",
        ["Topics"] = "Topics with article counts, and each topic's articles.",
        ["Providers"] = "Publishers by domain with logo and article count, and each provider's articles.",
        ["Related"] = "Related links across all articles, resolved to imported articles where they point at one.",
        ["Changes"] = "Articles added, updated and deleted since a token, in order: a feed for mirrors.",
        ["Import"] = "The import of Markdown files into the database: status and on-demand passes.",
        [HealthDocumentation.Tag] = "Probes for orchestrators: liveness (the process answers) and readiness (database and first import).",
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
