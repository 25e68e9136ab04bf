namespace ArticleApi.Import;

/// <summary>Writes an <see cref="ImportReport"/> for people: counts first, then every skipped and failed file.</summary>
internal static class ImportReportPrinter
{
    public static void Print(ImportReport report, TextWriter output)
    {
        output.WriteLine($"Import of {report.SourceDirectory} in {report.Duration.TotalMilliseconds:F0} ms");
        var counts = report.Counts;
        output.WriteLine($"  seen {counts.Seen}, added {counts.Added}, updated {counts.Updated}, renamed {counts.Renamed}, unchanged {counts.Unchanged}, deleted {counts.Deleted}, skipped {counts.Skipped}, failed {counts.Failed}");
        foreach (var skipped in report.Skipped)
        {
            output.WriteLine($"  skipped {skipped.Path}: {skipped.Reason}");
        }

        foreach (var failure in report.Failures)
        {
            output.WriteLine($"  FAILED  {failure.Path}:{failure.Line}:{failure.Column}: {failure.Reason}");
        }
    }
}
