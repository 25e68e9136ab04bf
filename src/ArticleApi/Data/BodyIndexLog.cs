using System.Diagnostics;

namespace ArticleApi.Data;

/// <summary>
/// The line a start writes when <see cref="SearchOptions.IndexBody"/> changed and the full-text index was made anew
/// from the stored rows: on a large database the one slow step of a start, so an operator sees where the time went.
/// </summary>
internal static partial class BodyIndexLog
{
    /// <summary>Runs <paramref name="apply"/> (true when it changed the index) and logs the change with its duration.</summary>
    public static async Task ApplyAsync(ILogger logger, bool indexBody, Func<Task<bool>> apply)
    {
        var started = Stopwatch.GetTimestamp();
        if (await apply())
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogRebuilt(logger, indexBody, (long)elapsed.TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search:IndexBody={IndexBody} differs from the index found: the full-text index was made anew from the stored articles in {ElapsedMs} ms")]
    private static partial void LogRebuilt(ILogger logger, bool indexBody, long elapsedMs);
}
