using System.Data.Common;

namespace ArticleApi.Data;

/// <summary>
/// A prepared <c>INSERT</c> run once per row: the statement is parsed once and only parameter values change. On an
/// embedded engine a statement costs no round trip, so this is as fast as bulk loading there, in plain SQL.
/// </summary>
internal sealed class PreparedInsert : ITableInsert
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public PreparedInsert(DbConnection connection, string table, IReadOnlyList<string> columns)
    {
        _command = connection.CreateCommand();
        var names = string.Join(", ", columns.Select(column => $"\"{column}\""));
        var values = string.Join(", ", columns.Select((_, index) => $"@p{index}"));
#pragma warning disable CA2100 // Table and column names are constants of this assembly; values are parameters.
        _command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({values})";
#pragma warning restore CA2100
        _parameters = new DbParameter[columns.Count];
        for (var index = 0; index < columns.Count; index++)
        {
            _parameters[index] = _command.CreateParameter();
            _parameters[index].ParameterName = $"@p{index}";
            _command.Parameters.Add(_parameters[index]);
        }
    }

    public DbTransaction? Transaction
    {
        set => _command.Transaction = value;
    }

    public async Task AddAsync(CancellationToken cancellationToken, params object?[] values)
    {
        for (var index = 0; index < values.Length; index++)
        {
            _parameters[index].Value = StoredValue.From(values[index]) ?? DBNull.Value;
        }

        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every row went in when it was added.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
