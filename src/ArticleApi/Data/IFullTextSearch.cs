using ArticleApi.Model;
namespace ArticleApi.Data;

/// <summary>
/// The engine-specific half of search, so handlers stay portable: SQLite's FTS5 today (<c>Data/Sqlite</c>),
/// another engine's full-text index later without touching the endpoints.
/// </summary>
internal interface IFullTextSearch
{
    /// <summary>Every article matching <paramref name="query"/>, composable into larger LINQ queries.</summary>
    IQueryable<FullTextMatch> Matches(ArticleDbContext context, FullTextQuery query);

    /// <summary>
    /// How many articles match, counting no further than <paramref name="atMost"/>: which matches are counted does not
    /// matter, so no order is asked for (an ORDER BY would sort every match of a frequent word).
    /// </summary>
    Task<int> CountAsync(ArticleDbContext context, FullTextQuery query, int atMost, CancellationToken cancellationToken);

    /// <summary>
    /// A statement written by hand of the key (<c>Key</c>) of every matching article, in no order, and the value of its
    /// one parameter <c>@p</c>: for collecting the hundreds of thousands of matches of a common word, which through EF
    /// cost several times the engine's own time.
    /// </summary>
    (string Sql, object Parameter) KeysStatement(FullTextQuery query);
}
