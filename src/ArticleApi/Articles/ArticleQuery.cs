using ArticleApi.Data;
using ArticleApi.Http;

namespace ArticleApi.Articles;

/// <summary>A validated article list request: filters, order, page size and position, extras asked for.</summary>
internal sealed record ArticleQuery
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static readonly IReadOnlyList<string> FacetNames = ["topic", "provider", "published", "type", "category", "quality", "heat", "month", "year"];
    public static readonly IReadOnlyList<string> TopicMatchValues = ["any", "all"];

    /// <summary>The values of searchIn, each naming one of <see cref="SearchFields"/>.</summary>
    public static readonly IReadOnlyList<string> SearchInValues = ["title", "excerpt", "body"];

    /// <summary>The error for searchIn=body on a server that leaves the body out of its index.</summary>
    public const string BodySearchDisabled = "'body' is not searchable: body search is disabled on this server (Search:IndexBody=false); use title or excerpt.";

    public bool? Published { get; init; }

    public int? MinQuality { get; init; }

    public int? MaxQuality { get; init; }

    public int? MinHeat { get; init; }

    public int? MaxHeat { get; init; }

    public IReadOnlyList<string> Topics { get; init; } = [];

    public bool AllTopics { get; init; }

    /// <summary>Set by <c>/topics/{slug}/articles</c>: this topic is required on top of <see cref="Topics"/>.</summary>
    public string? RequiredTopic { get; init; }

    public IReadOnlyList<string> Providers { get; init; } = [];

    /// <summary>Set by <c>/providers/{domain}/articles</c>: this provider is required on top of <see cref="Providers"/>.</summary>
    public string? RequiredProvider { get; init; }

    /// <summary>Articles naming any of these topic slugs are left out.</summary>
    public IReadOnlyList<string> ExcludedTopics { get; init; } = [];

    /// <summary>Articles of any of these provider domains are left out (NewsAPI's excludeDomains).</summary>
    public IReadOnlyList<string> ExcludedProviders { get; init; } = [];

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public string? Type { get; init; }

    public string? Category { get; init; }

    public FullTextQuery? Search { get; init; }

    public ArticleSort Sort { get; init; } = ArticleSort.Default;

    public int Limit { get; init; } = DefaultLimit;

    public Cursor? Cursor { get; init; }

    public bool IncludeTotal { get; init; }

    public IReadOnlyList<string> Facets { get; init; } = [];

    /// <summary>True when no filter narrows the articles: counts over everything can come from <see cref="ArticleCounts"/>.</summary>
    public bool IsUnfiltered =>
        Published is null && MinQuality is null && MaxQuality is null && MinHeat is null && MaxHeat is null && Topics.Count == 0
        && RequiredTopic is null && Providers.Count == 0 && RequiredProvider is null && ExcludedTopics.Count == 0 && ExcludedProviders.Count == 0 && From is null && To is null && Type is null
        && Category is null && Search is null;

    /// <summary>
    /// Validates every parameter; the reader holds the errors when the result is null. <paramref name="bodyIndexed"/>:
    /// whether this server indexes the body (<see cref="SearchOptions.IndexBody"/>), without which searchIn=body is an error.
    /// </summary>
    public static ArticleQuery? Parse(ArticleListParameters p, ParameterReader reader, bool bodyIndexed = true)
    {
        var sortName = reader.OneOf("sort", p.Sort, ArticleSort.Names) ?? (p.Sort is null ? ArticleSort.Default.Name : null);
        var sort = ArticleSort.All.FirstOrDefault(s => s.Name == sortName);
        var q = reader.Text("q", p.Q);
        string? searchError = null;
        var search = q is null ? null : FullTextQueryParser.Parse(q, out searchError);
        if (searchError is not null)
        {
            reader.Fail("q", searchError);
        }

        var searchIn = SearchIn(p, reader, bodyIndexed);
        if (sort?.Field == SortField.Relevance && p.Q is null)
        {
            reader.Fail("sort", "'relevance' needs a search: add q.");
        }

        var facets = ParameterReader.List(p.Facets);
        foreach (var facet in facets.Where(f => !FacetNames.Contains(f)))
        {
            reader.Fail("facets", $"'{facet}' is not one of: {string.Join(", ", FacetNames)}.");
        }

        var query = new ArticleQuery
        {
            Published = reader.Boolean("published", p.Published),
            MinQuality = reader.Integer("minQuality", p.MinQuality, 0, int.MaxValue),
            MaxQuality = reader.Integer("maxQuality", p.MaxQuality, 0, int.MaxValue),
            MinHeat = reader.Integer("minHeat", p.MinHeat, -1, int.MaxValue),
            MaxHeat = reader.Integer("maxHeat", p.MaxHeat, -1, int.MaxValue),
            Topics = ParameterReader.List(p.Topic),
            AllTopics = reader.OneOf("topicMatch", p.TopicMatch, TopicMatchValues) == "all",
            Providers = ParameterReader.List(p.Provider),
            ExcludedTopics = ParameterReader.List(p.ExcludeTopic),
            ExcludedProviders = ParameterReader.List(p.ExcludeProvider),
            From = reader.Instant("from", p.From, endOfDay: false),
            To = reader.Instant("to", p.To, endOfDay: true),
            Type = reader.Text("type", p.Type),
            Category = reader.Text("category", p.Category),
            Search = search is null ? null : search with { Fields = searchIn },
            Sort = sort ?? ArticleSort.Default,
            Limit = reader.Integer("limit", p.Limit, 1, MaxLimit) ?? DefaultLimit,
            Cursor = sort is null ? null : Cursor.Read(reader, p.Cursor, sort.Name, sort.CursorValue),
            IncludeTotal = reader.Boolean("includeTotal", p.IncludeTotal) ?? false,
            Facets = facets,
        };

        if (query.From > query.To)
        {
            reader.Fail("from", $"is after 'to': {query.From:O} > {query.To:O}.");
        }

        if (query.MinQuality > query.MaxQuality)
        {
            reader.Fail("minQuality", "is greater than maxQuality.");
        }

        if (query.MinHeat > query.MaxHeat)
        {
            reader.Fail("minHeat", "is greater than maxHeat.");
        }

        return reader.HasErrors ? null : query;
    }

    private static SearchFields SearchIn(ArticleListParameters p, ParameterReader reader, bool bodyIndexed)
    {
        var names = ParameterReader.List(p.SearchIn);
        if (names.Count > 0 && p.Q is null)
        {
            reader.Fail("searchIn", "needs a search: add q.");
        }

        var fields = (SearchFields)0;
        foreach (var name in names)
        {
            SearchFields? field = name switch
            {
                "title" => SearchFields.Title,
                "excerpt" => SearchFields.Excerpt,
                "body" => SearchFields.Body,
                _ => null,
            };
            if (field is null)
            {
                reader.Fail("searchIn", $"'{name}' is not one of: {string.Join(", ", SearchInValues)}.");
            }

            else if (field == SearchFields.Body && !bodyIndexed)
            {
                reader.Fail("searchIn", BodySearchDisabled);
            }

            fields |= field ?? 0;
        }

        return fields == 0 ? SearchFields.Default : fields;
    }
}
