using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ArticleApi.Data.Sqlite;

/// <summary>
/// Rows for one table kept until <see cref="FlushAsync"/>, then written by a prepared <c>INSERT</c> of up to
/// <see cref="RowsPerStatement"/> rows, stepped on the connection's own SQLite handle with values bound by position.
/// One statement per many rows matters for the articles: their full-text triggers make each INSERT a statement with a
/// savepoint, and FTS5 writes what it holds as a new segment at every savepoint, then merges segments: one segment and
/// one merge step per article when articles went in one by one. Going through <see cref="SqliteCommand"/> instead cost a
/// data reader, a statement lookup and parameter binding by name per statement. Values are stored as
/// <see cref="SqliteCommand"/> stores them: text as .NET's UTF-8, booleans as 0 and 1, instants through
/// <see cref="StoredValue"/>. The statements run inside whatever transaction the connection has open: the batch's.
/// </summary>
internal sealed class SqliteMultiRowInsert : ITableInsert
{
    /// <summary>At most this many rows per statement, and never more parameters than SQLite's default limit of 32,766.</summary>
    public const int RowsPerStatement = 256;

    private const int MostParameters = 32_766;

    private readonly sqlite3 _database;
    private readonly string _table;
    private readonly IReadOnlyList<string> _columns;
    private readonly int _rowsPerStatement;
    private readonly List<object?[]> _rows = [];
    private sqlite3_stmt? _full;
    private byte[] _text = new byte[4096];

    public SqliteMultiRowInsert(DbConnection connection, string table, IReadOnlyList<string> columns)
    {
        _database = ((SqliteConnection)connection).Handle
            ?? throw new InvalidOperationException("the connection must be open before its inserts are made");
        _table = table;
        _columns = columns;
        _rowsPerStatement = Math.Min(RowsPerStatement, MostParameters / columns.Count);
    }

    /// <summary>Nothing to set: the handle's statements take part in the transaction the connection has open.</summary>
    public DbTransaction? Transaction
    {
        set { }
    }

    public Task AddAsync(CancellationToken cancellationToken, params object?[] values)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (values.Length != _columns.Count)
        {
            throw new ArgumentException($"{_table} takes {_columns.Count} values a row, not {values.Length}", nameof(values));
        }

        _rows.Add(values);
        return Task.CompletedTask;
    }

    /// <summary>Writes the rows kept since the last flush: full statements first, then one for the rest.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            var written = 0;
            while (written < _rows.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(_rowsPerStatement, _rows.Count - written);
                if (count == _rowsPerStatement)
                {
                    Step(_full ??= Prepare(count), written, count);
                }
                else
                {
                    using var rest = Prepare(count);
                    Step(rest, written, count);
                }

                written += count;
            }
        }
        finally
        {
            _rows.Clear();
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _full?.Dispose();
        return ValueTask.CompletedTask;
    }

    private sqlite3_stmt Prepare(int rows)
    {
        var names = string.Join(", ", _columns.Select(column => $"\"{column}\""));
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", _columns.Count)) + ")";
        var sql = $"INSERT INTO \"{_table}\" ({names}) VALUES {string.Join(", ", Enumerable.Repeat(row, rows))}";
        var result = raw.sqlite3_prepare_v2(_database, sql, out var statement);
        SqliteException.ThrowExceptionForRC(result, _database);
        return statement;
    }

    private void Step(sqlite3_stmt statement, int first, int count)
    {
        try
        {
            var position = 1;
            for (var row = first; row < first + count; row++)
            {
                foreach (var value in _rows[row])
                {
                    SqliteException.ThrowExceptionForRC(Bind(statement, position++, StoredValue.From(value)), _database);
                }
            }

            var result = raw.sqlite3_step(statement);
            if (result != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(result, _database);
            }
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    private int Bind(sqlite3_stmt statement, int position, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, position),
        string text => BindText(statement, position, text),
        long number => raw.sqlite3_bind_int64(statement, position, number),
        int number => raw.sqlite3_bind_int64(statement, position, number),
        bool flag => raw.sqlite3_bind_int64(statement, position, flag ? 1 : 0),
        double number => raw.sqlite3_bind_double(statement, position, number),
        byte[] bytes => raw.sqlite3_bind_blob(statement, position, bytes),
        _ => throw new NotSupportedException($"no SQLite binding for a {value.GetType().Name}"),
    };

    /// <summary>Encoded into a buffer kept for the insert (SQLite copies what is bound), not into a new array per value.</summary>
    private int BindText(sqlite3_stmt statement, int position, string text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > _text.Length)
        {
            _text = new byte[Math.Max(most, 2 * _text.Length)];
        }

        var length = Encoding.UTF8.GetBytes(text, _text);
        return raw.sqlite3_bind_text(statement, position, _text.AsSpan(0, length));
    }
}
