using System.Data.Common;

namespace ArticleApi.Import;

/// <summary>
/// A prepared <c>INSERT</c> reused for every row of a batch: the statement is parsed once and only parameter values
/// change, which is what makes bulk import fast without leaving plain, provider-neutral SQL.
/// </summary>
internal sealed class InsertCommand : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public InsertCommand(DbConnection connection, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        var names = string.Join(", ", columns.Select(column => $"\"{column}\""));
        var values = string.Join(", ", columns.Select((_, index) => $"@p{index}"));
#pragma warning disable CA2100 // Table and column names are constants of this assembly; values are parameters.
        _command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({values})";
#pragma warning restore CA2100
        _parameters = new DbParameter[columns.Length];
        for (var index = 0; index < columns.Length; index++)
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

    public async Task ExecuteAsync(CancellationToken cancellationToken, params object?[] values)
    {
        for (var index = 0; index < values.Length; index++)
        {
            _parameters[index].Value = values[index] switch
            {
                null => DBNull.Value,
                DateTimeOffset instant => instant.ToUnixTimeMilliseconds(),
                var value => value,
            };
        }

        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
