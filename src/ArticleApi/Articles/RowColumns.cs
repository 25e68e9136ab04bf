using System.Data.Common;

namespace ArticleApi.Articles;

/// <summary>
/// A reader's columns by name, looked up once per statement rather than once per value. The values are read as both
/// engines return them: SQLite's integers for booleans and instants, PostgreSQL's own types.
/// </summary>
internal sealed class RowColumns(DbDataReader reader)
{
    private readonly Dictionary<string, int> _ordinals = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, StringComparer.Ordinal);

    /// <summary>Reads each row of the statement with <paramref name="read"/>, the columns found on the first row.</summary>
    public static Func<DbDataReader, T> Reader<T>(Func<RowColumns, T> read)
    {
        RowColumns? columns = null;
        return row => read(columns ??= new RowColumns(row));
    }

    public bool Has(string name) => _ordinals.ContainsKey(name);

    public string Text(string name) => reader.GetString(_ordinals[name]);

    public string? NullableText(string name) => Null(name) ? null : reader.GetString(_ordinals[name]);

    public long Long(string name) => reader.GetInt64(_ordinals[name]);

    public long? NullableLong(string name) => Null(name) ? null : reader.GetInt64(_ordinals[name]);

    public double? NullableDouble(string name) => Null(name) ? null : reader.GetDouble(_ordinals[name]);

    public int? NullableInt(string name) => Null(name) ? null : reader.GetInt32(_ordinals[name]);

    public bool? NullableBool(string name) => Null(name) ? null : reader.GetBoolean(_ordinals[name]);

    private bool Null(string name) => reader.IsDBNull(_ordinals[name]);
}
