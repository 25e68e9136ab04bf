using System.Data.Common;
using ArticleApi.Model;

namespace ArticleApi.Data;

/// <summary>
/// Runs the read path's statements (the page keys EF writes, the rows written by hand), keeping them prepared where
/// the engine would otherwise parse and plan them again on every request: SQLite through EF prepares each command
/// anew, and for a statement the size of an article's detail that was about half of the request's CPU.
/// </summary>
internal interface IPreparedReads
{
    /// <summary>OpenTelemetry's name of the engine (<c>sqlite</c>, <c>postgresql</c>), for the statement's span.</summary>
    string SystemName { get; }

    /// <summary>
    /// The rows of <paramref name="statement"/>, a command made for the context's connection and not run (by EF's
    /// <c>CreateDbCommand</c> or by hand): its text and parameters, run where it costs least. The caller disposes it.
    /// </summary>
    Task<List<T>> QueryAsync<T>(ArticleDbContext context, DbCommand statement, Func<DbDataReader, T> read, CancellationToken cancellationToken);
}
