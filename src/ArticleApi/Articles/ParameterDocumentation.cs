using System.Text.Json.Nodes;
using ArticleApi.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ArticleApi.Articles;

/// <summary>
/// The Swagger document's words for query and route parameters: every parameter binds as text (see
/// <see cref="ParameterReader"/>), so the meaning, an example and the allowed values are written here, once, for every
/// route that shares a name (the article lists of <c>/articles</c>, <c>/topics/{slug}/articles</c> and
/// <c>/providers/{domain}/articles</c>, and the few parameters of the other lists).
/// </summary>
internal sealed class ParameterDocumentation : IOperationFilter
{
    private static readonly Dictionary<string, (string Description, string Example, IReadOnlyList<string>? Values)> Parameters = new(StringComparer.Ordinal)
    {
        ["published"] = ("Only published (true) or unpublished (false) articles; absent means all.", "true", ["true", "false"]),
        ["minQuality"] = ("Lowest quality score, inclusive (0 or more).", "60", null),
        ["maxQuality"] = ("Highest quality score, inclusive.", "90", null),
        ["minHeat"] = ("Lowest heat, inclusive (-1 or more).", "10", null),
        ["maxHeat"] = ("Highest heat, inclusive.", "80", null),
        ["topic"] = ("Topic slug; repeat (or separate with commas) for several: any of them, or all with topicMatch=all.", "kubernetes", null),
        ["topicMatch"] = ("How several topic values combine: any (default) or all.", "all", ArticleQuery.TopicMatchValues),
        ["provider"] = ("Provider domain; repeat (or separate with commas) for several, any of them.", "techcrunch.com", null),
        ["excludeTopic"] = ("Leave out articles naming this topic slug; repeat (or separate with commas) for several.", "quantum-computing", null),
        ["excludeProvider"] = ("Leave out articles of this provider domain; repeat (or separate with commas) for several (NewsAPI's excludeDomains).", "venturebeat.com", null),
        ["from"] = ("Published at or after: a date (yyyy-MM-dd, UTC) or an instant with offset.", "2025-01-01", null),
        ["to"] = ("Published at or before: a date (the whole UTC day, inclusive) or an instant with offset.", "2025-12-31T23:59:59Z", null),
        ["type"] = ("Item type as the files write it (article, video, course, collection, download).", "article", null),
        ["category"] = ("Category as the files write it.", "news", null),
        ["q"] = ("Full-text search over title and excerpt. Words side by side must all match; \"a phrase\"; prefix*; OR (either side); NOT word or -word (exclude, beside a term to match); parentheses to group. OR, AND and NOT are operators in upper case only. Adds a highlighted snippet to each item.", "kubernetes \"node pools\" -security", null),
        ["sort"] = ("Order; ties are broken by id in the same direction. relevance (best first) needs q.", "-publishedDateTime", ArticleSort.Names),
        ["limit"] = ($"Page size, 1 to {ArticleQuery.MaxLimit}; default {ArticleQuery.DefaultLimit}.", "20", null),
        ["X-Admin-Key"] = ("The configured Import:AdminKey; without it (or with none configured) POST /import is 403.", "the-configured-admin-key", null),
        ["since"] = ("Token from a previous page of /changes ('token'), or 'latest' for the current position; absent starts at the oldest change kept.", "latest", null),
        ["cursor"] = ("Opaque position from the 'next' link of the previous page; keep the other parameters.", "WyItcHVibGlzaGVkRGF0ZVRpbWUiLCIxNzM2ODQ4MDAwMDAwIiwibmV3cy0yMDI1LTAxLTE0LWt1YmVybmV0ZXMiXQ", null),
        ["includeTotal"] = ("true adds 'total', the number of matching articles (one more count query).", "true", ["true", "false"]),
        ["facets"] = ($"Counts per value for the current filter, top {ArticleFacets.TopValues} each; repeat or separate with commas.", "topic,provider", ArticleQuery.FacetNames),
        ["format"] = ("Representation: json (default); the same page as a feed: atom (Atom 1.0), rss (RSS 2.0), jsonfeed (JSON Feed 1.1); or every matching article from the cursor on, streamed without paging (limit ignored): ndjson, csv. Without it the Accept header chooses (application/atom+xml, application/rss+xml, application/feed+json, application/x-ndjson, text/csv); format wins.", "atom", ResponseFormat.Names),
        ["fields"] = ("Only these members of each item (JSON, ndjson, or the columns of csv; not feeds), in the item's own order; repeat or separate with commas. An unknown name is a 400.", "id,title,webUrl,topics", ArticleFields.List),
        ["id"] = ("Article id, as in 'id' of a list item.", "news-2025-01-14-kubernetes-autoscaling-gets-smarter-with-predictive-node-pools", null),
        ["slug"] = ("Topic slug, as in 'slug' of a topic.", "kubernetes", null),
        ["domain"] = ("Provider domain (on /related: the domain of the link's target provider).", "techcrunch.com", null),
        ["url"] = ("Exact webUrl of the related link's target.", "https://techcrunch.com/2025/06/11/the-serverless-postgres-price-war-is-here/", null),
    };

    // Where one name means something else on one route: keyed by operationId and parameter name.
    private static readonly Dictionary<string, (string Description, string Example, IReadOnlyList<string>? Values)> Overrides = new(StringComparer.Ordinal)
    {
        ["GetArticle.fields"] = ("Only these members of the article, in its own order; repeat or separate with commas. An unknown name is a 400.", "id,title,webUrl,topics", ArticleFields.Detail),
        ["ListProviders.q"] = ("Text to find in the provider's name or domain, case-insensitive.", "tech", null),
        ["ListRelatedLinks.domain"] = ("Domain of the provider the related link points at.", "venturebeat.com", null),
        ["ListChanges.limit"] = ("Changes per page, 1 to 1000; default 100.", "100", null),
        ["ListTopics.limit"] = ($"Page size, 1 to {RankedPage.MaxLimit}; default {RankedPage.DefaultLimit}.", "100", null),
        ["ListTopics.cursor"] = ("Opaque position from the 'next' link of the previous page; keep the other parameters.", "WyItYXJ0aWNsZUNvdW50IiwiMTIiLCJrdWJlcm5ldGVzIl0", null),
        ["ListProviders.limit"] = ($"Page size, 1 to {RankedPage.MaxLimit}; default {RankedPage.DefaultLimit}.", "100", null),
        ["ListProviders.cursor"] = ("Opaque position from the 'next' link of the previous page; keep the other parameters.", "WyItYXJ0aWNsZUNvdW50IiwiNSIsInRlY2hjcnVuY2guY29tIl0", null),
        ["ListRelatedLinks.cursor"] = ("Opaque position from the 'next' link of the previous page; keep the other parameters.", "WyJpZCIsIjIwIiwiIl0", null),
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is null
                || !(Overrides.TryGetValue($"{operation.OperationId}.{parameter.Name}", out var doc) || Parameters.TryGetValue(parameter.Name, out doc)))
            {
                continue;
            }

            parameter.Description = doc.Description;
            parameter.Example = JsonValue.Create(doc.Example);
            if (doc.Values is not null && parameter.Schema is OpenApiSchema schema)
            {
                var target = schema.Items as OpenApiSchema ?? schema;
                target.Enum = [.. doc.Values.Select(value => (JsonNode)JsonValue.Create(value))];
                if (schema.Items is OpenApiSchema)
                {
                    // An array example must be an array.
                    parameter.Example = new JsonArray([.. doc.Example.Split(',').Select(value => (JsonNode)JsonValue.Create(value)!)]);
                }
            }
            else if (parameter.Schema is OpenApiSchema { Items: not null })
            {
                parameter.Example = new JsonArray(JsonValue.Create(doc.Example));
            }
        }
    }
}
