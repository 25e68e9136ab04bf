using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ArticleApi.Changes;

/// <summary>The change feed (<c>GET /changes</c>): how long the log remembers a change, deletions included.</summary>
internal sealed class ChangesOptions
{
    public const string SectionName = "Changes";

    /// <summary>
    /// Changes older than this are forgotten after each import pass; a token that points before the oldest kept change
    /// gets 410 Gone (the client reads the collection again). The newest change is always kept.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00", ErrorMessage = "Changes:Retention must be between 00:01:00 and 3650.00:00:00.")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A retention as people say it, for the 410's detail: in days, else hours, else minutes ("0 days" for a minute misleads).</summary>
    public static string Describe(TimeSpan retention) => retention switch
    {
        { TotalDays: >= 1 } => Unit(retention.TotalDays, "day"),
        { TotalHours: >= 1 } => Unit(retention.TotalHours, "hour"),
        _ => Unit(retention.TotalMinutes, "minute"),
    };

    private static string Unit(double value, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:0.##} {unit}{(Math.Round(value, 2) == 1 ? "" : "s")}");
}
