using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ArticleApi.Data.Sqlite;

/// <summary>
/// One statement prepared once on a read connection of <see cref="SqlitePreparedReads"/> and run again and again
/// through SQLite's own API: bound from a command's parameters, stepped, its rows read by
/// <see cref="SqliteStatementReader"/> (<see cref="SqliteColumns"/>), and reset after every run, so it never holds
/// a read transaction open between requests. Busy waits are SQLite's own (the connection's <c>busy_timeout</c>).
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private const uint Persistent = 1; // SQLITE_PREPARE_PERSISTENT: kept for many runs
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(sqlite3 database, string sql, bool utf8)
    {
        _database = database;
        Check(raw.sqlite3_prepare_v3(database, sql, Persistent, out _statement, out var tail));
        if (!string.IsNullOrWhiteSpace(tail))
        {
            _statement.Dispose();
            throw new ArgumentException("A prepared read is one statement; this text has more after it.", nameof(sql));
        }

        IsUtf8 = utf8;
        Columns = [.. Enumerable.Range(0, raw.sqlite3_column_count(_statement)).Select(column => raw.sqlite3_column_name(_statement, column).utf8_to_string())];
    }

    /// <summary>The result's column names, in order.</summary>
    public string[] Columns { get; }

    /// <summary>Whether the database stores text as UTF-8, so a value's bytes are its text.</summary>
    public bool IsUtf8 { get; }

    /// <summary>The statement's handle, for <see cref="SqliteColumns"/>; valid until this is disposed.</summary>
    public nint Handle => _statement.DangerousGetHandle();

    /// <summary>The statement, for the SQLitePCL calls that read a whole blob.</summary>
    public sqlite3_stmt Statement => _statement;

    /// <summary>The value of a column read through SQLitePCL (converted to UTF-8 by SQLite), for a database in UTF-16.</summary>
    public string ConvertedText(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>
    /// Binds each of <paramref name="parameters"/> the statement has, by name (with or without its prefix), and
    /// requires a value for every parameter it has, as Microsoft.Data.Sqlite does.
    /// </summary>
    public void Bind(DbParameterCollection parameters)
    {
        // Every parameter is bound on every run (or the run is refused), so no earlier value needs clearing first.
        var count = raw.sqlite3_bind_parameter_count(_statement);
        Span<bool> bound = count < 64 ? stackalloc bool[count + 1] : new bool[count + 1];
        foreach (DbParameter parameter in parameters)
        {
            var index = Index(parameter.ParameterName);
            if (index == 0)
            {
                continue;
            }

            Check(parameter.Value switch
            {
                null or DBNull => raw.sqlite3_bind_null(_statement, index),
                string text => raw.sqlite3_bind_text(_statement, index, text),
                bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
                long or int or short or sbyte or byte or ushort or uint => raw.sqlite3_bind_int64(_statement, index, Convert.ToInt64(parameter.Value, CultureInfo.InvariantCulture)),
                double or float => raw.sqlite3_bind_double(_statement, index, Convert.ToDouble(parameter.Value, CultureInfo.InvariantCulture)),
                byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
                var other => throw new NotSupportedException($"A prepared read binds text, numbers, booleans and bytes; parameter '{parameter.ParameterName}' is a {other.GetType().Name}."),
            });
            bound[index] = true;
        }

        if (bound[1..].Contains(false))
        {
            var missing = new List<string>();
            for (var index = 1; index <= count; index++)
            {
                if (!bound[index])
                {
                    missing.Add(raw.sqlite3_bind_parameter_name(_statement, index).utf8_to_string());
                }
            }

            throw new InvalidOperationException($"Must add values for the following parameters: {string.Join(", ", missing)}");
        }
    }

    /// <summary>Steps to the next row: true on a row, false at the end; a failure throws SQLite's error.</summary>
    public bool Step()
    {
        var code = raw.sqlite3_step(_statement);
        if (code == raw.SQLITE_ROW)
        {
            return true;
        }

        if (code != raw.SQLITE_DONE)
        {
            Check(code);
        }

        return false;
    }

    /// <summary>Ends the run: the statement's read transaction ends and its bindings are kept until the next one.</summary>
    public void Reset() => _ = raw.sqlite3_reset(_statement);

    public void Dispose() => _statement.Dispose();

    private int Index(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        if (index > 0 || name.Length == 0 || name[0] is '@' or '$' or ':')
        {
            return index;
        }

        foreach (var prefix in (ReadOnlySpan<char>)['@', '$', ':'])
        {
            if (raw.sqlite3_bind_parameter_index(_statement, prefix + name) is var prefixed and > 0)
            {
                return prefixed;
            }
        }

        return 0;
    }

    private void Check(int code)
    {
        if (code != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(code, _database);
        }
    }
}
