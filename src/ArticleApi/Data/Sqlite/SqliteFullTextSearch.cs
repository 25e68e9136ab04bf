using System.Text;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data.Sqlite;

/// <summary>Full-text search on the FTS5 table <c>ArticlesFts</c> (see <see cref="SqliteSchema"/>).</summary>
internal sealed class SqliteFullTextSearch : IFullTextSearch
{
    public IQueryable<FullTextMatch> Matches(ArticleDbContext context, FullTextQuery query)
    {
        var match = ToMatch(query);
        // bm25 column weights 5, 1 and 0.5: a word in the title says more about an article than the same word in its
        // excerpt, and one in the excerpt more than one somewhere in the body.
        return context.Set<FullTextMatch>().FromSql(
            $"SELECT rowid AS \"Key\", bm25(ArticlesFts, 5.0, 1.0, 0.5) AS \"Rank\" FROM ArticlesFts WHERE ArticlesFts MATCH {match}");
    }

    public Task<int> CountAsync(ArticleDbContext context, FullTextQuery query, int atMost, CancellationToken cancellationToken)
    {
        var match = ToMatch(query);
        return context.Database.SqlQuery<int>(
            $"SELECT count(*) AS \"Value\" FROM (SELECT 1 FROM ArticlesFts WHERE ArticlesFts MATCH {match} LIMIT {atMost})").SingleAsync(cancellationToken);
    }

    public (string Sql, object Parameter) KeysStatement(FullTextQuery query) =>
        ("SELECT rowid AS \"Key\" FROM ArticlesFts WHERE ArticlesFts MATCH @p", ToMatch(query));

    /// <summary>
    /// FTS5 syntax built from the parsed tree only: each term is a double-quoted string (FTS5's literal form, holding
    /// letters and digits), prefix terms get a trailing <c>*</c>, groups are parenthesised, exclusions become FTS5's
    /// binary NOT after what they exclude from. User text never reaches the syntax.
    /// </summary>
    internal static string ToMatchExpression(FullTextQuery query) => Expression(query.Root);

    /// <summary>
    /// <see cref="ToMatchExpression"/> under an FTS5 column filter naming the fields searched (<c>{Title Excerpt} : (...)</c>),
    /// which applies to every term and exclusion inside it; none when every column is searched.
    /// </summary>
    internal static string ToMatch(FullTextQuery query) => query.Fields == SearchFields.All
        ? ToMatchExpression(query)
        : "{" + string.Join(' ', Enum.GetValues<SearchFields>().Where(f => f is SearchFields.Title or SearchFields.Excerpt or SearchFields.Body && query.Fields.HasFlag(f)))
            + "} : (" + ToMatchExpression(query) + ")";

    private static string Expression(SearchNode node) => node switch
    {
        SearchTerm term => "\"" + term.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (term.IsPrefix ? "*" : ""),
        SearchOr any => "(" + string.Join(" OR ", any.Children.Select(Group)) + ")",
        SearchAnd all => Included(all) + string.Concat(all.Excluded.Select(excluded => " NOT " + Group(excluded))),
        _ => throw new InvalidOperationException("an exclusion stands only beside a term (FullTextQueryParser validates this)"),
    };

    private static string Included(SearchAnd all)
    {
        var included = all.Included.Select(Group).ToList();
        return included.Count == 1 || !all.Excluded.Any() ? string.Join(" AND ", included) : "(" + string.Join(" AND ", included) + ")";
    }

    private static string Group(SearchNode node) => node is SearchAnd ? "(" + Expression(node) + ")" : Expression(node);
}
