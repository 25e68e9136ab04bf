using System.Data.Common;

namespace ArticleApi.Data;

/// <summary>
/// Rows going into one table during an import batch. How they travel is the engine's business (see
/// <see cref="IBulkWriter.CreateInsert"/>): a prepared statement per row where a row costs no round trip (SQLite, in
/// process), a buffered bulk copy where every statement would be one (PostgreSQL). Either way the rows are in the table,
/// inside the batch's transaction, once <see cref="FlushAsync"/> has returned.
/// </summary>
internal interface ITableInsert : IAsyncDisposable
{
    /// <summary>The batch's transaction.</summary>
    DbTransaction? Transaction { set; }

    /// <summary>Adds one row, values in the order of the columns the insert was made with.</summary>
    Task AddAsync(CancellationToken cancellationToken, params object?[] values);

    /// <summary>Writes whatever is still buffered; called for each table in foreign-key order before the batch commits.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}

/// <summary>What both kinds of insert store for a value: instants are Unix milliseconds in UTC, which sort as numbers.</summary>
internal static class StoredValue
{
    public static object? From(object? value) => value is DateTimeOffset instant ? instant.ToUnixTimeMilliseconds() : value;
}
