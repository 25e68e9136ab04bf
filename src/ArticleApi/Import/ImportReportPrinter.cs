namespace ArticleApi.Import;

/// <summary>Writes an <see cref="ImportReport"/> for people: counts first, then every skipped and failed file.</summary>
internal static class ImportReportPrinter
{
    public static void Print(ImportReport report, TextWriter output)
    {
        output.WriteLine($"Import of {report.SourceDirectory} in {report.Duration.TotalMilliseconds:F0} ms");
        output.WriteLine($"  seen {report.Seen}, added {report.Added}, updated {report.Updated}, renamed {report.Renamed}, unchanged {report.Unchanged}, deleted {report.Deleted}, skipped {report.Skipped.Count}, failed {report.Failures.Count}");
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
