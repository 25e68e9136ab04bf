using System.Collections.Concurrent;
using System.Data.Common;
using ArticleApi.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArticleApi.Data.Sqlite;

/// <summary>
/// Open read connections of its own, each with its statements prepared once: Microsoft.Data.Sqlite forgets a
/// command's prepared statements when its connection closes, which EF does after every query. A connection is lent to
/// one request at a time; outside a transaction each statement reads the latest committed data (WAL), so an import's
/// commits show on the next request as they do through EF. At most <see cref="Connections"/> exist, each with a page
/// cache of <see cref="CacheKibibytes"/> and the file mapped up to <see cref="DatabaseOptions.SqliteMemoryMapMiB"/>; a
/// request waits for a free one.
/// </summary>
internal sealed class SqlitePreparedReads(IOptions<DatabaseOptions> options) : IPreparedReads, IDisposable
{
    /// <summary>
    /// Connections at once. SQLite runs a statement on the calling thread, so more statements at once than cores only
    /// share the cores; and fewer connections keep each one's page cache warm.
    /// </summary>
    internal static readonly int Connections = 2 * Environment.ProcessorCount;

    /// <summary>
    /// Each connection's page cache. SQLite's default (2,000 KiB) does not hold the inner pages of a million articles'
    /// table and indexes, so a random row cost about 1.6 page reads from the OS instead of 1 (bench/page-reads.py).
    /// </summary>
    internal const int CacheKibibytes = 8192;

    /// <summary>
    /// Statements kept per connection. EF writes one text per query shape, and callers choose the shape (filters,
    /// sorts, drivers): without a bound a caller walking through combinations would grow every connection's cache.
    /// Past it the connection starts again with none, which costs one prepare per statement.
    /// </summary>
    internal const int StatementsPerConnection = 200;

    private const int BusyMilliseconds = 30_000;
    private readonly ConcurrentBag<PreparedConnection> _idle = [];
    private readonly SemaphoreSlim _free = new(Connections, Connections);
    private readonly long _mapBytes = (long)options.Value.SqliteMemoryMapMiB << 20;
    private bool _disposed;

    public string SystemName => "sqlite";

    public async Task<List<T>> QueryAsync<T>(ArticleDbContext context, DbCommand statement, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return QueryOnAConnection(context, statement, read, cancellationToken);
        }
        finally
        {
            _free.Release();
        }
    }

    /// <summary>How many statements the idle connections hold prepared.</summary>
    internal int PreparedStatements => _idle.Sum(connection => connection.Count);

    /// <summary>How many connections are open and idle.</summary>
    internal int IdleConnections => _idle.Count;

    // SQLite runs a statement on the calling thread: nothing here waits on anything but the CPU and the file.
    private List<T> QueryOnAConnection<T>(ArticleDbContext context, DbCommand statement, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        // After disposal (a request finishing while the host stops) a connection is still opened, and closed after.
        if (!_idle.TryTake(out var connection))
        {
            connection = new PreparedConnection(context.Database.GetConnectionString()!, _mapBytes);
        }

        var reusable = false;
        try
        {
            var rows = new List<T>();
            using (var reader = new SqliteStatementReader(connection.Statement(statement)))
            {
                while (reader.Read())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    rows.Add(read(reader));
                }
            }

            reusable = true;
            return rows;
        }
        finally
        {
            // A connection whose statement failed half-way is not lent again.
            if (reusable && !_disposed)
            {
                _idle.Add(connection);
            }
            else
            {
                connection.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private sealed class PreparedConnection(string connectionString, long mapBytes) : IDisposable
    {
        private readonly SqliteConnection _connection = Open(connectionString, mapBytes);
        private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);
        private bool? _utf8;

        public int Count => _statements.Count;

        /// <summary>
        /// This connection's prepared twin of <paramref name="statement"/>, bound to its parameters' values. One text
        /// always has the same parameters: EF writes one text per query shape, and its values only vary.
        /// </summary>
        public SqliteStatement Statement(DbCommand statement)
        {
            if (!_statements.TryGetValue(statement.CommandText, out var prepared))
            {
                if (_statements.Count >= StatementsPerConnection)
                {
                    DisposeStatements();
                }

                _utf8 ??= IsUtf8(_connection);
                prepared = new SqliteStatement(_connection.Handle!, statement.CommandText, _utf8.Value);
                _statements[statement.CommandText] = prepared;
            }

            prepared.Bind(statement.Parameters);
            return prepared;
        }

        public void Dispose()
        {
            DisposeStatements();
            _connection.Dispose();
        }

        private void DisposeStatements()
        {
            foreach (var prepared in _statements.Values)
            {
                prepared.Dispose();
            }

            _statements.Clear();
        }

        // Not from Microsoft.Data.Sqlite's pool: closed for good when disposed, so that the last connection to go at
        // stop checkpoints the WAL into the main file as the pool's release does (SchemaInitializer).
        // A page of a list is 20 rows anywhere in the table: with the file mapped, each row's pages are read in place
        // rather than copied in by a system call (provider pages at 1,000,000 articles: 18-22% more requests a second,
        // BENCHMARKS.md).
        private static SqliteConnection Open(string connectionString, long mapBytes)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            connection.Open();
            using var pragmas = connection.CreateCommand();
            // The statements step outside Microsoft.Data.Sqlite, whose retries on a busy database they would not get:
            // SQLite's own handler waits as long (its default command timeout, 30 s).
            pragmas.CommandText = $"PRAGMA cache_size = -{CacheKibibytes}; PRAGMA mmap_size = {mapBytes}; PRAGMA busy_timeout = {BusyMilliseconds};";
            pragmas.ExecuteNonQuery();
            return connection;
        }

        // Text is read as its stored bytes (SqliteColumns) only where they are UTF-8, as in every database the service makes.
        private static bool IsUtf8(SqliteConnection connection)
        {
            using var encoding = connection.CreateCommand();
            encoding.CommandText = "PRAGMA encoding";
            return encoding.ExecuteScalar() is "UTF-8";
        }
    }
}
