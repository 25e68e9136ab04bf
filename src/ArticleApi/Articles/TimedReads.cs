using System.Data.Common;
using System.Diagnostics;
using ArticleApi.Data;
using ArticleApi.Model;
using ArticleApi.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles;

/// <summary>
/// <see cref="IPreparedReads"/> with each statement's time added to the request's database time and traced, as the
/// command interceptor does for the statements EF runs.
/// </summary>
internal sealed class TimedReads(IPreparedReads reads)
{
    /// <summary>A statement written by hand, its one parameter <c>@p</c>.</summary>
    public async Task<List<T>> QueryAsync<T>(ArticleDbContext context, string sql, object parameter, Func<RowColumns, T> read, CancellationToken cancellationToken)
    {
        await using var statement = context.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // Built from the EF model's names (ArticleRowStatements); the value is a parameter.
        statement.CommandText = sql;
#pragma warning restore CA2100
        var value = statement.CreateParameter();
        value.ParameterName = "@p";
        value.Value = parameter;
        statement.Parameters.Add(value);
        return await RunAsync(context, statement, read, cancellationToken);
    }

    /// <summary>The statement EF writes for <paramref name="query"/>, run prepared.</summary>
    public async Task<List<T>> QueryAsync<T>(ArticleDbContext context, IQueryable query, Func<RowColumns, T> read, CancellationToken cancellationToken)
    {
        await using var statement = query.CreateDbCommand();
        return await RunAsync(context, statement, read, cancellationToken);
    }

    private async Task<List<T>> RunAsync<T>(ArticleDbContext context, DbCommand statement, Func<RowColumns, T> read, CancellationToken cancellationToken)
    {
        var sql = statement.CommandText;
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        Exception? failure = null;
        try
        {
            return await reads.QueryAsync(context, statement, RowColumns.Reader(read), cancellationToken);
        }
        catch (Exception exception) when (Observe(exception, out failure))
        {
            throw;
        }
        finally
        {
            DatabaseCommandTelemetry.Observed(sql, reads.SystemName, startedAt, clock.Elapsed, failure);
        }
    }

    // Records the failure for the span without catching it.
    private static bool Observe(Exception exception, out Exception failure)
    {
        failure = exception;
        return false;
    }
}
