using System.Globalization;
using System.Text.Json.Nodes;
using ArticleApi.Articles.Counting;
using ArticleApi.Changes;
using ArticleApi.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ArticleApi.Articles;

/// <summary>
/// The Swagger document's words and types for query and route parameters. Every parameter binds as text (see
/// <see cref="ParameterReader"/>) so a bad value gets our own 400 naming it; the document still says what each one is
/// (an integer and its range, a boolean, an instant, one of a named enum), so generated clients take typed values.
/// Written once for every route that shares a name (the article lists of <c>/articles</c>, <c>/topics/{slug}/articles</c>
/// and <c>/providers/{domain}/articles</c>, and the few parameters of the other lists).
/// </summary>
/// <remarks>
/// Examples are what Swagger UI's "Try it out" fills in: only values that show results on the samples whatever else is
/// filled in (an id, a slug, a domain that exist; defaults). A filter example would narrow the first click to nothing,
/// and a cursor example would jump into the middle of a list, so filters and cursors have none.
/// </remarks>
internal sealed class ParameterDocumentation : IOperationFilter
{
    /// <summary>Enums shared by several operations, one named schema each (a generated client gets one type, not one per operation).</summary>
    public const string SortSchema = "ArticleSort";

    public const string TopicMatchSchema = "TopicMatch";

    public const string FacetSchema = "Facet";

    public const string SearchFieldSchema = "SearchField";

    public const string FormatSchema = "ResponseFormat";

    public const string ListFieldSchema = "ArticleListField";

    public const string DetailFieldSchema = "ArticleField";

    private static readonly Dictionary<string, Parameter> Parameters = new(StringComparer.Ordinal)
    {
        ["published"] = new("Only published (true) or unpublished (false) articles; absent means all.", Boolean),
        ["minQuality"] = new("Lowest quality score, inclusive (0 or more).", _ => Integer(0)),
        ["maxQuality"] = new("Highest quality score, inclusive.", _ => Integer(0)),
        ["minHeat"] = new("Lowest heat, inclusive (-1, unknown, or more).", _ => Integer(-1)),
        ["maxHeat"] = new("Highest heat, inclusive.", _ => Integer(-1)),
        ["topic"] = new("Topic slug, for example kubernetes; repeat (or separate with commas) for several: any of them, or all with topicMatch=all.", TextList),
        ["topicMatch"] = new("How several topic values combine: any (default) or all.", context => Named(context, TopicMatchSchema, "How several topic values combine: any of them, or all.", ArticleQuery.TopicMatchValues)),
        ["provider"] = new("Provider domain, for example techcrunch.com; repeat (or separate with commas) for several, any of them.", TextList),
        ["excludeTopic"] = new("Leave out articles naming this topic slug; repeat (or separate with commas) for several.", TextList),
        ["excludeProvider"] = new("Leave out articles of this provider domain; repeat (or separate with commas) for several (NewsAPI's excludeDomains).", TextList),
        ["from"] = new("Published at or after: an instant with offset (2025-01-01T00:00:00Z), or a date (2025-01-01, from the start of that UTC day).", Instant),
        ["to"] = new("Published at or before: an instant with offset (2025-12-31T23:59:59Z), or a date (2025-12-31, the whole UTC day, inclusive).", Instant),
        ["type"] = new("Item type as the files write it (article, video, course, collection, download).", Text),
        ["category"] = new("Category as the files write it, for example news.", Text),
        ["q"] = new("Full-text search over title and excerpt (searchIn chooses other fields), for example kubernetes \"node pools\" -security. Words side by side must all match; \"a phrase\"; prefix*; OR (either side); NOT word or -word (exclude, beside a term to match); parentheses to group. OR, AND and NOT are operators in upper case only. Adds a highlighted snippet to each item.", Text),
        ["searchIn"] = new("The fields q looks in: title, excerpt, body (the markdown body); repeat or separate with commas. Default title,excerpt. body depends on the server's setting Search:IndexBody (on by default): where it is off the body is not indexed and naming body is a 400. Each term may match in any field named; exclusions look only there. Needs q.", context => new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = Named(context, SearchFieldSchema, "A field a search looks in.", ArticleQuery.SearchInValues),
        }),
        ["sort"] = new($"Order, default {ArticleSort.Default.Name}; ties are broken by id in the same direction. relevance (best first) needs q.", SortEnum, ArticleSort.Default.Name),
        ["limit"] = new($"Page size, 1 to {ArticleQuery.MaxLimit}; default {ArticleQuery.DefaultLimit}.", _ => Integer(1, ArticleQuery.MaxLimit, ArticleQuery.DefaultLimit), "20"),
        ["cursor"] = new("Opaque position from the 'next' link of the previous page; keep the other parameters as they were.", Text),
        ["since"] = new("Token from a previous page of /changes ('token'), or 'latest' for the current position; absent starts at the oldest change kept.", Text),
        ["X-Admin-Key"] = new("The configured Import:AdminKey; without it (or with none configured) POST /import is 403.", Text),
        ["includeTotal"] = new("true adds 'total', the number of matching articles (one more count query).", Boolean, "true"),
        ["format"] = new("Representation: json (default); the same page as a feed: atom (Atom 1.0), rss (RSS 2.0), jsonfeed (JSON Feed 1.1); or every matching article from the cursor on, streamed without paging (limit ignored): ndjson, csv. Without it the Accept header chooses (application/atom+xml, application/rss+xml, application/feed+json, application/x-ndjson, text/csv); format wins.", context => Named(context, FormatSchema, "A representation of an article list.", ResponseFormat.Names)),
        ["fields"] = new("Only these members of each item (JSON, ndjson, or the columns of csv; not feeds), in the item's own order; repeat or separate with commas. An unknown name is a 400. The items then carry only the members named.", context => Fields(context, ListFieldSchema, ArticleFields.List)),
        ["facets"] = new($"Counts per value for the current filter, top {FacetTally.TopValues} each; month and year count per UTC period of publishedDateTime (2025-06, 2025), newest first: the newest {FacetTally.NewestMonths} months, every year, undated articles left out. Repeat or separate with commas.", FacetList, "topic,provider"),
        ["id"] = new("Article id, as in 'id' of a list item.", Text, "news-2025-04-02-kubernetes-security-report-finds-one-in-five-clusters-exposes-its-dashboard"),
        ["slug"] = new("Topic slug, as in 'slug' of a topic.", Text, "kubernetes"),
        ["domain"] = new("Provider domain, as in 'domain' of a provider.", Text, "techcrunch.com"),
        ["url"] = new("Exact webUrl of the related link's target.", Text),
    };

    // Where one name means something else on one route: keyed by operationId and parameter name.
    private static readonly Dictionary<string, Parameter> Overrides = new(StringComparer.Ordinal)
    {
        ["GetArticle.fields"] = new("Only these members of the article, in its own order; repeat or separate with commas. An unknown name is a 400. The article then carries only the members named.", context => Fields(context, DetailFieldSchema, ArticleFields.Detail)),
        ["ListProviders.q"] = new("Text to find in the provider's name or domain, case-insensitive; for example tech.", Text),
        ["ListRelatedLinks.domain"] = new("Domain of the provider the related link points at, for example venturebeat.com.", Text),
        ["GetCollectionItems.id"] = new("Id of an item whose type is collection.", Text, "learning-collections-contoso-academy-cloud-and-ai-starter-path"),
        ["GetArticleCollections.id"] = new("Article id, as in 'id' of a list item.", Text, "learning-videos-contoso-academy-deploy-a-model-to-azure-container-apps"),
        ["ListChanges.limit"] = new($"Changes per page, 1 to {ChangeEndpoints.MaxLimit}; default {ChangeEndpoints.DefaultLimit}.", _ => Integer(1, ChangeEndpoints.MaxLimit, ChangeEndpoints.DefaultLimit), "100"),
        ["ListTopics.published"] = new("Count only published (true) or unpublished (false) articles; absent counts all.", Boolean),
        ["ListTopics.limit"] = new($"Page size, 1 to {RankedPage.MaxLimit}; default {RankedPage.DefaultLimit}.", _ => Integer(1, RankedPage.MaxLimit, RankedPage.DefaultLimit), "100"),
        ["ListProviders.limit"] = new($"Page size, 1 to {RankedPage.MaxLimit}; default {RankedPage.DefaultLimit}.", _ => Integer(1, RankedPage.MaxLimit, RankedPage.DefaultLimit), "100"),
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
            parameter.Schema = doc.Schema(context);
            parameter.Example = doc.Example is null ? null
                : parameter.Schema is OpenApiSchema { Type: JsonSchemaType.Array } ? new JsonArray([.. doc.Example.Split(',').Select(value => (JsonNode)JsonValue.Create(value))])
                : parameter.Schema is OpenApiSchema { Type: JsonSchemaType.Integer } ? JsonValue.Create(int.Parse(doc.Example, CultureInfo.InvariantCulture))
                : parameter.Schema is OpenApiSchema { Type: JsonSchemaType.Boolean } ? JsonValue.Create(bool.Parse(doc.Example))
                : JsonValue.Create(doc.Example);
        }
    }

    private static OpenApiSchema Text(OperationFilterContext context) => new() { Type = JsonSchemaType.String };

    private static OpenApiSchema TextList(OperationFilterContext context) => new() { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } };

    private static OpenApiSchema Boolean(OperationFilterContext context) => new() { Type = JsonSchemaType.Boolean };

    private static OpenApiSchema Instant(OperationFilterContext context) => new() { Type = JsonSchemaType.String, Format = "date-time" };

    private static OpenApiSchema Integer(int minimum, int? maximum = null, int? defaultValue = null) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(CultureInfo.InvariantCulture),
        Default = defaultValue is { } value ? JsonValue.Create(value) : null,
    };

    private static OpenApiSchemaReference SortEnum(OperationFilterContext context) => Named(context, SortSchema,
        "An article order: a field, descending with a leading '-'; relevance needs a search (q); popularity is heat descending, "
        + "then publishedDateTime descending, then id, with no heat and no date last.",
        ArticleSort.Names, [.. ArticleSort.All.Select(s => s.Field is SortField.Relevance or SortField.Popularity ? s.Field.ToString() : s.Field + (s.Descending ? "Descending" : ""))]);

    private static OpenApiSchema FacetList(OperationFilterContext context) => new()
    {
        Type = JsonSchemaType.Array,
        Items = Named(context, FacetSchema, "A facet: what article counts are grouped by (the keys of an article page's facets).", ArticleQuery.FacetNames),
    };

    private static OpenApiSchema Fields(OperationFilterContext context, string name, IReadOnlyList<string> values) => new()
    {
        Type = JsonSchemaType.Array,
        Items = Named(context, name, "A member that fields may select.", values),
    };

    /// <summary>A reference to the named string enum, which is added to the document on first use.</summary>
    private static OpenApiSchemaReference Named(OperationFilterContext context, string name, string description, IReadOnlyList<string> values, IReadOnlyList<string>? memberNames = null)
    {
        if (!context.SchemaRepository.Schemas.ContainsKey(name))
        {
            var schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = description,
                Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value))],
            };
            if (memberNames is not null)
            {
                // Names for generated enum members where the values alone make poor identifiers ("-quality", "quality"):
                // x-enumNames for NSwag, x-ms-enum for Kiota.
                schema.Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal)
                {
                    ["x-enumNames"] = new JsonNodeExtension(new JsonArray([.. memberNames.Select(n => (JsonNode)JsonValue.Create(n))])),
                    ["x-ms-enum"] = new JsonNodeExtension(new JsonObject
                    {
                        ["name"] = name,
                        ["modelAsString"] = false,
                        ["values"] = new JsonArray([.. values.Zip(memberNames, (value, member) => (JsonNode)new JsonObject { ["value"] = value, ["name"] = member })]),
                    }),
                };
            }

            context.SchemaRepository.AddDefinition(name, schema);
        }

        return new OpenApiSchemaReference(name, context.Document);
    }

    private sealed record Parameter(string Description, Func<OperationFilterContext, IOpenApiSchema> Schema, string? Example = null);
}
