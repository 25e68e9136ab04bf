using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data.Postgres;

/// <summary>
/// Full-text search on the <c>SearchVector</c> column and its GIN index (see <see cref="PostgresSchema"/>): the same
/// <see cref="FullTextQuery"/> as on SQLite, translated into <c>to_tsquery</c> syntax built from clean terms only.
/// </summary>
internal sealed class PostgresFullTextSearch : IFullTextSearch
{
    public IQueryable<FullTextMatch> Matches(ArticleDbContext context, FullTextQuery query)
    {
        var tsQuery = ToTsQuery(query);
        // Weights {D, C, B, A}: the title (A) counts 1.0 and the excerpt (B) 0.2, the 5:1 of SQLite's bm25 weights.
        // Negated so that lower is better, as bm25 gives it and as the relevance keyset expects.
        return context.Set<FullTextMatch>().FromSql($"""
            SELECT "Key", -(ts_rank(ARRAY[0.1, 0.2, 0.2, 1.0]::float4[], "SearchVector", to_tsquery('articleapi', {tsQuery}))::float8) AS "Rank"
            FROM "Articles" WHERE "SearchVector" @@ to_tsquery('articleapi', {tsQuery})
            """);
    }

    public async Task<IReadOnlyDictionary<long, string>> SnippetsAsync(
        ArticleDbContext context, FullTextQuery query, IReadOnlyCollection<long> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var tsQuery = ToTsQuery(query);
        long[] keyArray = [.. keys];
        // Like SQLite's snippet(-1): the title when it matches the whole search, otherwise the excerpt. ts_headline marks
        // each word; neighbouring marks are joined so a phrase is marked once, as FTS5 marks it.
        var rows = await context.Database.SqlQuery<SnippetRow>($"""
            SELECT "Key", replace(ts_headline('articleapi',
                CASE WHEN to_tsvector('articleapi', "Title") @@ to_tsquery('articleapi', {tsQuery}) THEN "Title" ELSE coalesce("Excerpt", "Title") END,
                to_tsquery('articleapi', {tsQuery}),
                'StartSel=<mark>, StopSel=</mark>, MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=…'),
                '</mark> <mark>', ' ') AS "Snippet"
            FROM "Articles" WHERE "Key" = ANY({keyArray})
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(row => row.Key, row => row.Snippet);
    }

    /// <summary>
    /// Each term's words are single-quoted lexemes (letters and digits only, so nothing can break out), a phrase's
    /// words joined by <c>&lt;-&gt;</c> (followed by), a prefix term's last word marked <c>:*</c>; AND is <c>&amp;</c>,
    /// OR <c>|</c>, an exclusion <c>!</c>, groups parenthesised.
    /// </summary>
    internal static string ToTsQuery(FullTextQuery query) => Expression(query.Root);

    private static string Expression(SearchNode node) => node switch
    {
        SearchTerm term => "(" + string.Join(" <-> ", term.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => "'" + word.Replace("'", "''", StringComparison.Ordinal) + "'")) + (term.IsPrefix ? ":*" : "") + ")",
        SearchOr any => "(" + string.Join(" | ", any.Children.Select(Group)) + ")",
        SearchAnd all => string.Join(" & ", all.Included.Select(Group).Concat(all.Excluded.Select(excluded => "!" + Group(excluded)))),
        _ => throw new InvalidOperationException("an exclusion stands only beside a term (FullTextQueryParser validates this)"),
    };

    private static string Group(SearchNode node) => node is SearchAnd ? "(" + Expression(node) + ")" : Expression(node);

    private sealed class SnippetRow
    {
        public long Key { get; set; }

        public string Snippet { get; set; } = "";
    }
}
