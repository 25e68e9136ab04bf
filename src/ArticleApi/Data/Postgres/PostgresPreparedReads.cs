using System.Data.Common;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data.Postgres;

/// <summary>
/// On the context's own connection: Npgsql prepares a statement the connection has run before on the server and keeps
/// it with the pooled physical connection (<see cref="PostgresConnectionString.MaxAutoPrepare"/>).
/// </summary>
internal sealed class PostgresPreparedReads : IPreparedReads
{
    public string SystemName => "postgresql";

    public async Task<List<T>> QueryAsync<T>(ArticleDbContext context, DbCommand statement, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            statement.Connection = context.Database.GetDbConnection();
            var rows = new List<T>();
            await using var reader = await statement.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }
}
