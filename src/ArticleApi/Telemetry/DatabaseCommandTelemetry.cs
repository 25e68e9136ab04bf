using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ArticleApi.Telemetry;

/// <summary>
/// Times every command EF Core runs, from its start until its reader is disposed (for a query, the rows are read in
/// that time), adds the time to the request it runs for (<see cref="RequestDatabaseTime"/>) and, when traces are
/// exported, makes it a span (source <see cref="ArticleApiMeter.DatabaseSource"/>) under the request's or the import
/// pass's span. Joins every context as an <see cref="IInterceptor"/> from the container.
/// </summary>
internal sealed class DatabaseCommandTelemetry : DbCommandInterceptor
{
    private static readonly ActivitySource Source = new(ArticleApiMeter.DatabaseSource);

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Ended(command, eventData.StartTime, eventData.Duration, null);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Ended(command, eventData.StartTime, eventData.Duration, null);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Ended(command, eventData.StartTime, eventData.Duration, null);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Ended(command, eventData.StartTime, eventData.Duration, null);
        return ValueTask.FromResult(result);
    }

    // A query holds the database until its reader goes: EF raises this for readers of both sync and async queries.
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Ended(command, eventData.StartTime, DateTimeOffset.UtcNow - eventData.StartTime, null);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        Ended(command, eventData.StartTime, eventData.Duration, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(command, eventData.StartTime, eventData.Duration, eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) =>
        Ended(command, eventData.StartTime, eventData.Duration, null);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(command, eventData.StartTime, eventData.Duration, null);
        return Task.CompletedTask;
    }

    private static void Ended(DbCommand command, DateTimeOffset startedAt, TimeSpan duration, Exception? exception) =>
        Observed(command.CommandText, SystemName(command), startedAt, duration, exception);

    /// <summary>A statement run outside EF (<c>Data/IPreparedReads</c>), counted and traced as EF's own are.</summary>
    internal static void Observed(string commandText, string systemName, DateTimeOffset startedAt, TimeSpan duration, Exception? exception)
    {
        RequestDatabaseTime.Add(duration);
        if (!Source.HasListeners())
        {
            return;
        }

        // Made once the command is over, with its real start: one place, no state kept between the interceptor's calls.
        // The parent is the current activity: the request's, or the import pass's.
        using var activity = Source.StartActivity(SpanName(commandText, systemName), ActivityKind.Client, default(ActivityContext), startTime: startedAt);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("db.system.name", systemName);
        activity.SetTag("db.query.text", commandText);
        if (exception is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity.AddException(exception);
        }

        activity.SetEndTime((startedAt + duration).UtcDateTime);
    }

    /// <summary>The statement's first keyword (<c>SELECT</c>, <c>INSERT</c>...), as OpenTelemetry's database conventions name spans.</summary>
    internal static string SpanName(DbCommand command) => SpanName(command.CommandText, SystemName(command));

    private static string SpanName(string commandText, string systemName)
    {
        var text = commandText.AsSpan().TrimStart();
        var length = 0;
        while (length < text.Length && char.IsAsciiLetter(text[length]))
        {
            length++;
        }

        return length == 0 ? systemName : text[..length].ToString().ToUpperInvariant();
    }

    private static string SystemName(DbCommand command) => command.GetType().Name switch
    {
        "SqliteCommand" => "sqlite",
        "NpgsqlCommand" => "postgresql",
        _ => "other_sql",
    };
}
