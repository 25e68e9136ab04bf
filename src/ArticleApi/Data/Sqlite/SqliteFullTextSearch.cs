using System.Text;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data.Sqlite;

/// <summary>Full-text search on the FTS5 table <c>ArticlesFts</c> (see <see cref="SqliteSchema"/>).</summary>
internal sealed class SqliteFullTextSearch : IFullTextSearch
{
    public IQueryable<FullTextMatch> Matches(ArticleDbContext context, FullTextQuery query)
    {
        var match = ToMatchExpression(query);
        // bm25 column weights 5 and 1: a word in the title says more about an article than the same word in its excerpt.
        return context.Set<FullTextMatch>().FromSql(
            $"SELECT rowid AS \"Key\", bm25(ArticlesFts, 5.0, 1.0) AS \"Rank\" FROM ArticlesFts WHERE ArticlesFts MATCH {match}");
    }

    public async Task<IReadOnlyDictionary<long, string>> SnippetsAsync(
        ArticleDbContext context, FullTextQuery query, IReadOnlyCollection<long> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var match = ToMatchExpression(query);
        // The page's keys travel as one JSON array parameter: one statement per page whatever its size.
        var keyList = System.Text.Json.JsonSerializer.Serialize(keys);
        var rows = await context.Database.SqlQuery<SnippetRow>(
            $"SELECT rowid AS \"Key\", snippet(ArticlesFts, -1, '<mark>', '</mark>', '…', 16) AS \"Snippet\" FROM ArticlesFts WHERE ArticlesFts MATCH {match} AND rowid IN (SELECT value FROM json_each({keyList}))")
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(row => row.Key, row => row.Snippet);
    }

    /// <summary>
    /// FTS5 syntax built from clean terms only: each term is a double-quoted string (FTS5's literal form), prefix
    /// terms get a trailing <c>*</c>, and terms are joined by implicit AND. User text never reaches the syntax.
    /// </summary>
    internal static string ToMatchExpression(FullTextQuery query)
    {
        var builder = new StringBuilder();
        foreach (var term in query.Terms)
        {
            builder.Append(builder.Length > 0 ? " " : "").Append('"').Append(term.Text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            if (term.IsPrefix)
            {
                builder.Append('*');
            }
        }

        return builder.ToString();
    }

    private sealed class SnippetRow
    {
        public long Key { get; set; }

        public string Snippet { get; set; } = "";
    }
}
