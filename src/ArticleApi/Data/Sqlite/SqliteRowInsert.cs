using System.Buffers;
using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ArticleApi.Data.Sqlite;

/// <summary>
/// A prepared <c>INSERT</c> stepped once per row on the connection's own SQLite handle: values are bound by position
/// and the statement reset, nothing else. Going through <see cref="SqliteCommand"/> instead cost a data reader, a
/// statement lookup and parameter binding by name for every row, more than SQLite's own work for the row (a cold
/// import writes about ten rows per article). Values are stored as <see cref="SqliteCommand"/> stores them: text as
/// .NET's UTF-8, booleans as 0 and 1, instants through <see cref="StoredValue"/>. The statement runs inside whatever
/// transaction the connection has open: the batch's.
/// </summary>
internal sealed class SqliteRowInsert : ITableInsert
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private byte[] _text = new byte[4096];

    public SqliteRowInsert(DbConnection connection, string table, IReadOnlyList<string> columns)
    {
        _database = ((SqliteConnection)connection).Handle
            ?? throw new InvalidOperationException("the connection must be open before its inserts are made");
        var names = string.Join(", ", columns.Select(column => $"\"{column}\""));
        var values = string.Join(", ", columns.Select((_, index) => $"?{index + 1}"));
        var result = raw.sqlite3_prepare_v2(_database, $"INSERT INTO \"{table}\" ({names}) VALUES ({values})", out _statement);
        SqliteException.ThrowExceptionForRC(result, _database);
    }

    /// <summary>Nothing to set: the handle's statements take part in the transaction the connection has open.</summary>
    public DbTransaction? Transaction
    {
        set { }
    }

    public Task AddAsync(CancellationToken cancellationToken, params object?[] values)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            for (var index = 0; index < values.Length; index++)
            {
                SqliteException.ThrowExceptionForRC(Bind(index + 1, StoredValue.From(values[index])), _database);
            }

            var result = raw.sqlite3_step(_statement);
            if (result != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(result, _database);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }

        return Task.CompletedTask;
    }

    /// <summary>Every row went in when it was added.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _statement.Dispose();
        return ValueTask.CompletedTask;
    }

    private int Bind(int position, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(_statement, position),
        string text => BindText(position, text),
        long number => raw.sqlite3_bind_int64(_statement, position, number),
        int number => raw.sqlite3_bind_int64(_statement, position, number),
        bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
        double number => raw.sqlite3_bind_double(_statement, position, number),
        byte[] bytes => raw.sqlite3_bind_blob(_statement, position, bytes),
        _ => throw new NotSupportedException($"no SQLite binding for a {value.GetType().Name}"),
    };

    /// <summary>Encoded into a buffer kept for the statement (SQLite copies what is bound), not into a new array per value.</summary>
    private int BindText(int position, string text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > _text.Length)
        {
            _text = new byte[Math.Max(most, 2 * _text.Length)];
        }

        var length = Encoding.UTF8.GetBytes(text, _text);
        return raw.sqlite3_bind_text(_statement, position, _text.AsSpan(0, length));
    }
}
