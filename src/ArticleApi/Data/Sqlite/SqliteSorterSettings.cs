using System.Data.Common;
using System.Globalization;

namespace ArticleApi.Data.Sqlite;

/// <summary>
/// How SQLite sorts while it builds an index from a table's rows: in runs of <see cref="RunKibibytes"/> sorted by
/// helper threads, one per core, while the statement goes on reading rows, then merged. SQLite sizes each run by the
/// connection's page cache, which a pass sets to 64 MiB for its inserts; a run of that size was sorted by the
/// statement's own thread alone. Building the nineteen indexes a load of 1,000,000 articles sets aside, in the sqlite3
/// shell: 28.3 s with a 64 MiB cache, 28.8 s with that and two helper threads, 23.8 s with 16 MiB and none, 14.5 s
/// with 4 MiB and two; a whole cold import went from 95.8-96.8 s to 78.4-79.0 s (BENCHMARKS.md). The settings last
/// while the returned scope is open; the connection's own come back after.
/// </summary>
internal sealed class SqliteSorterSettings : IAsyncDisposable
{
    /// <summary>SQLite's size for a sort's run in memory, as a page-cache size (negative: kibibytes).</summary>
    public const int RunKibibytes = 4096;

    /// <summary>SQLite's ceiling on helper threads (SQLITE_MAX_WORKER_THREADS) in its default build.</summary>
    private const int MostHelpers = 8;

    private readonly DbConnection _connection;
    private readonly long _cacheSize;
    private readonly long _threads;

    private SqliteSorterSettings(DbConnection connection, long cacheSize, long threads)
    {
        _connection = connection;
        _cacheSize = cacheSize;
        _threads = threads;
    }

    public static async Task<SqliteSorterSettings> ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var settings = new SqliteSorterSettings(
            connection, await ReadAsync(connection, "cache_size", cancellationToken), await ReadAsync(connection, "threads", cancellationToken));
        await SetAsync(connection, -RunKibibytes, Math.Clamp(Environment.ProcessorCount, 1, MostHelpers), cancellationToken);
        return settings;
    }

    public async ValueTask DisposeAsync() => await SetAsync(_connection, _cacheSize, _threads, CancellationToken.None);

    private static async Task SetAsync(DbConnection connection, long cacheSize, long threads, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {cacheSize}; PRAGMA threads = {threads};");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ReadAsync(DbConnection connection, string pragma, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // A pragma's name from this class, never text from outside.
        command.CommandText = $"PRAGMA {pragma}";
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
