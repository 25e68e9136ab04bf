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
        var tsQuery = ToTsQuery(query, query.Fields);
        // Weights {D, C, B, A}: the title (A) counts 1.0, the excerpt (B) 0.2 and the body (C) 0.1, about SQLite's bm25
        // weights 5:1:0.5. Negated so that lower is better, as bm25 gives it and as the relevance keyset expects.
        return context.Set<FullTextMatch>().FromSql($"""
            SELECT "Key", -(ts_rank(ARRAY[0.1, 0.1, 0.2, 1.0]::float4[], "SearchVector", to_tsquery('articleapi', {tsQuery}))::float8) AS "Rank"
            FROM "Articles" WHERE "SearchVector" @@ to_tsquery('articleapi', {tsQuery})
            """);
    }

    public Task<int> CountAsync(ArticleDbContext context, FullTextQuery query, int atMost, CancellationToken cancellationToken)
    {
        var tsQuery = ToTsQuery(query, query.Fields);
        return context.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM (SELECT 1 FROM "Articles" WHERE "SearchVector" @@ to_tsquery('articleapi', {tsQuery}) LIMIT {atMost}) AS m
            """).SingleAsync(cancellationToken);
    }

    public (string Sql, object Parameter) KeysStatement(FullTextQuery query) =>
        ("SELECT \"Key\" FROM \"Articles\" WHERE \"SearchVector\" @@ to_tsquery('articleapi', @p)", ToTsQuery(query, query.Fields));

    /// <summary>
    /// Each term's words are single-quoted lexemes (letters and digits only, so nothing can break out), a phrase's
    /// words joined by <c>&lt;-&gt;</c> (followed by), a prefix term's last word marked <c>:*</c>; AND is <c>&amp;</c>,
    /// OR <c>|</c>, an exclusion <c>!</c>, groups parenthesised. With <paramref name="fields"/> short of all, each lexeme
    /// also carries the weights of those fields (title A, excerpt B, body C: see the SearchVector migrations), so it
    /// matches only there.
    /// </summary>
    internal static string ToTsQuery(FullTextQuery query, SearchFields fields = SearchFields.All) =>
        Expression(query.Root, fields == SearchFields.All ? "" : Weights(fields));

    private static string Weights(SearchFields fields) =>
        (fields.HasFlag(SearchFields.Title) ? "A" : "") + (fields.HasFlag(SearchFields.Excerpt) ? "B" : "") + (fields.HasFlag(SearchFields.Body) ? "C" : "");

    private static string Expression(SearchNode node, string weights) => node switch
    {
        SearchTerm term => "(" + string.Join(" <-> ", Words(term, weights)) + ")",
        SearchOr any => "(" + string.Join(" | ", any.Children.Select(child => Group(child, weights))) + ")",
        SearchAnd all => string.Join(" & ", all.Included.Select(child => Group(child, weights)).Concat(all.Excluded.Select(excluded => "!" + Group(excluded, weights)))),
        _ => throw new InvalidOperationException("an exclusion stands only beside a term (FullTextQueryParser validates this)"),
    };

    private static IEnumerable<string> Words(SearchTerm term, string weights)
    {
        var words = term.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Select((word, index) =>
        {
            var prefix = term.IsPrefix && index == words.Length - 1 ? "*" : "";
            return "'" + word.Replace("'", "''", StringComparison.Ordinal) + "'" + (prefix.Length + weights.Length > 0 ? ":" + prefix + weights : "");
        });
    }

    private static string Group(SearchNode node, string weights) => node is SearchAnd ? "(" + Expression(node, weights) + ")" : Expression(node, weights);
}
