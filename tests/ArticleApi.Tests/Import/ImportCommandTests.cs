using ArticleApi.Import;
using ArticleApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ArticleApi.Tests.Import;

/// <summary><c>ArticleApi import [folder]</c>, run in-process with the same arguments a shell would pass.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private Task<int> RunAsync(string source) =>
        ImportCommand.RunAsync([source, $"--ConnectionStrings:Articles=Data Source={_folder.Combine("cli.db")}", "--Serilog:MinimumLevel:Default=Warning"]);

    [Fact]
    public async Task AFolderWithABrokenFileExitsWithOne()
    {
        Assert.Equal(1, await RunAsync(TestPaths.Samples));
    }

    [Fact]
    public async Task AFolderOfGoodAndSkippedFilesExitsWithZero()
    {
        _folder.Write("in/a.md", "---\ntitle: A\n---\n");
        _folder.Write("in/README.md", "# not an item\n");

        Assert.Equal(0, await RunAsync(_folder.Combine("in")));
    }

    [Fact]
    public async Task AMissingFolderExitsWithTwo()
    {
        Assert.Equal(2, await RunAsync(_folder.Combine("nowhere")));
    }

    [Fact]
    public void TheReportListsCountsSkippedAndFailedFiles()
    {
        var report = new ImportReport
        {
            SourceDirectory = "/articles",
            StartedAt = DateTimeOffset.UnixEpoch,
            FinishedAt = DateTimeOffset.UnixEpoch.AddMilliseconds(1234),
            Counts = new PassCounts(Seen: 4, Added: 2, Updated: 0, Renamed: 0, Unchanged: 0, Deleted: 0, Skipped: 1, Failed: 1),
            Skipped = [new SkippedFile("README.md", "no front matter: the first line is not ---")],
            Failures = [new FailedFile("bad.md", 4, 3, "invalid YAML: oops")],
        };
        using var output = new StringWriter { NewLine = "\n" };

        ImportReportPrinter.Print(report, output);

        Assert.Equal(
            """
            Import of /articles in 1234 ms
              seen 4, added 2, updated 0, renamed 0, unchanged 0, deleted 0, skipped 1, failed 1
              skipped README.md: no front matter: the first line is not ---
              FAILED  bad.md:4:3: invalid YAML: oops

            """,
            output.ToString());
    }
}
