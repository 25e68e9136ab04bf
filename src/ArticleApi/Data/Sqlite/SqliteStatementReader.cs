using System.Collections;
using System.Data.Common;
using System.Globalization;

namespace ArticleApi.Data.Sqlite;

/// <summary>
/// The rows of one run of a <see cref="SqliteStatement"/> as a forward-only <see cref="DbDataReader"/>, so the read
/// path's row readers (<c>Articles/RowColumns</c>) read both engines alike. Values convert as SQLite converts them
/// (Microsoft.Data.Sqlite's rules: a boolean is an integer other than zero, an <c>int</c> must fit). Disposing it
/// resets the statement.
/// </summary>
internal sealed class SqliteStatementReader(SqliteStatement statement) : DbDataReader
{
    private bool _closed;
    private bool _done; // stepped past the last row: stepping again would run the statement again
    private bool _peeked; // HasRows stepped to the first row, which Read has not returned yet
    private bool _seen;

    public override int FieldCount => statement.Columns.Length;

    public override int Depth => 0;

    public override bool HasRows
    {
        get
        {
            if (!_seen && !_peeked)
            {
                _peeked = Step();
            }

            return _seen || _peeked;
        }
    }

    public override bool IsClosed => _closed;

    public override int RecordsAffected => -1;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read()
    {
        if (_peeked)
        {
            _peeked = false;
        }
        else if (!Step())
        {
            return false;
        }

        _seen = true;
        return true;
    }

    public override bool NextResult() => false;

    public override string GetName(int ordinal) => statement.Columns[ordinal];

    public override int GetOrdinal(string name)
    {
        var ordinal = Array.IndexOf(statement.Columns, name);
        return ordinal >= 0 ? ordinal : throw new ArgumentOutOfRangeException(nameof(name), name, "The statement has no such column.");
    }

    public override bool IsDBNull(int ordinal) => SqliteColumns.IsNull(statement.Handle, ordinal);

    public override string GetString(int ordinal) =>
        statement.IsUtf8 ? SqliteColumns.Text(statement.Handle, ordinal) : statement.ConvertedText(ordinal);

    public override long GetInt64(int ordinal) => SqliteColumns.Integer(statement.Handle, ordinal);

    public override int GetInt32(int ordinal) => checked((int)GetInt64(ordinal));

    public override short GetInt16(int ordinal) => checked((short)GetInt64(ordinal));

    public override byte GetByte(int ordinal) => checked((byte)GetInt64(ordinal));

    public override bool GetBoolean(int ordinal) => GetInt64(ordinal) != 0;

    public override double GetDouble(int ordinal) => SqliteColumns.Real(statement.Handle, ordinal);

    public override float GetFloat(int ordinal) => (float)GetDouble(ordinal);

    public override decimal GetDecimal(int ordinal) => decimal.Parse(GetString(ordinal), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    public override char GetChar(int ordinal) => GetString(ordinal) is [var first, ..] ? first : throw new InvalidCastException("The value is empty.");

    public override DateTime GetDateTime(int ordinal) => DateTime.Parse(GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    public override Guid GetGuid(int ordinal) => Guid.Parse(GetString(ordinal));

    public override object GetValue(int ordinal) => SqliteColumns.StorageClass(statement.Handle, ordinal) switch
    {
        1 => GetInt64(ordinal),
        2 => GetDouble(ordinal),
        3 => GetString(ordinal),
        5 => DBNull.Value,
        _ => GetBlob(ordinal),
    };

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var ordinal = 0; ordinal < count; ordinal++)
        {
            values[ordinal] = GetValue(ordinal);
        }

        return count;
    }

    public override Type GetFieldType(int ordinal) => GetValue(ordinal).GetType();

    public override string GetDataTypeName(int ordinal) => SqliteColumns.StorageClass(statement.Handle, ordinal) switch
    {
        1 => "INTEGER",
        2 => "REAL",
        3 => "TEXT",
        5 => "NULL",
        _ => "BLOB",
    };

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var blob = GetBlob(ordinal);
        if (buffer is null)
        {
            return blob.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, blob.Length - dataOffset));
        Array.Copy(blob, dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    public override void Close()
    {
        if (!_closed)
        {
            _closed = true;
            statement.Reset();
        }
    }

    protected override void Dispose(bool disposing)
    {
        Close();
        base.Dispose(disposing);
    }

    private bool Step()
    {
        if (_done || _closed)
        {
            return false;
        }

        _done = !statement.Step();
        return !_done;
    }

    private byte[] GetBlob(int ordinal) => SQLitePCL.raw.sqlite3_column_blob(statement.Statement, ordinal).ToArray();
}
