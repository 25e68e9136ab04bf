using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ArticleApi.Tests.Infrastructure;

/// <summary>Records the SQL a host runs (the data-version read aside), joined to every context as an interceptor.</summary>
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

    public void Clear()
    {
        lock (_statements)
        {
            _statements.Clear();
        }
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        lock (_statements)
        {
            _statements.Add(command.CommandText);
        }

        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        lock (_statements)
        {
            _statements.Add(command.CommandText);
        }

        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }
}
