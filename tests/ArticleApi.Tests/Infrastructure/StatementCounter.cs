using System.Data.Common;
using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Infrastructure;

/// <summary>
/// Records the SQL a host runs (the data-version read aside): EF's commands as an interceptor of every context, the
/// read path's prepared statements (<see cref="IPreparedReads"/>) through a decorator. <see cref="Join"/> adds both.
/// </summary>
internal sealed class StatementCounter : DbCommandInterceptor
{
    private readonly List<string> _statements = [];

    public List<string> Statements
    {
        get
        {
            lock (_statements)
            {
                return [.. _statements.Where(s => !s.Contains("\"ImportRuns\"", StringComparison.Ordinal))];
            }
        }
    }

    public void Join(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(this);
        var engine = services.Last(service => service.ServiceType == typeof(IPreparedReads)).ImplementationType!;
        services.AddSingleton(engine);
        services.AddSingleton<IPreparedReads>(provider => new CountedReads((IPreparedReads)provider.GetRequiredService(engine), this));
    }

    public void Clear()
    {
        lock (_statements)
        {
            _statements.Clear();
        }
    }

    private void Add(string sql)
    {
        lock (_statements)
        {
            _statements.Add(sql);
        }
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Add(command.CommandText);

        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Add(command.CommandText);

        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    private sealed class CountedReads(IPreparedReads reads, StatementCounter counter) : IPreparedReads
    {
        public string SystemName => reads.SystemName;

        public Task<List<T>> QueryAsync<T>(ArticleDbContext context, DbCommand statement, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        {
            counter.Add(statement.CommandText);
            return reads.QueryAsync(context, statement, read, cancellationToken);
        }
    }
}
