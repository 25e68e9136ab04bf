using ArticleApi.Data;
using ArticleApi.Import;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Import;

/// <summary>The importer over a real SQLite file and a real folder, through the app's own services.</summary>
public sealed class ArticleImporterTests : IDisposable
{
    private static string Good(string title) =>
        $"---\ntitle: \"{title}\"\nwebUrl: \"https://example.org/{title}\"\nquality: 50\nheat: 3\ntopics:\n  - AI\nprovider:\n  name: Example\n  domain: example.org\n---\n";

    private readonly ArticleApiFactory _factory = new(sourceToCopy: "");

    public ArticleImporterTests() => _ = _factory.Server;

    public void Dispose() => _factory.Dispose();

    private void WriteGood(string relativePath, string title)
    {
        var full = Path.Combine(_factory.SourceDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, Good(title));
    }

    private async Task<List<(string Id, string SourcePath, string Title)>> ArticlesAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();
        var rows = await db.Articles.OrderBy(a => a.Id).Select(a => new { a.Id, a.SourcePath, a.Title }).ToListAsync();
        return rows.ConvertAll(row => (row.Id, row.SourcePath, row.Title));
    }

    private static (int Seen, int Added, int Updated, int Renamed, int Unchanged, int Deleted, int Skipped, int Failed) Counts(ImportReport report) =>
        (report.Counts.Seen, report.Counts.Added, report.Counts.Updated, report.Counts.Renamed, report.Counts.Unchanged, report.Counts.Deleted, report.Skipped.Count, report.Failures.Count);

    [Fact]
    public async Task FirstImportAddsEveryItem()
    {
        WriteGood("news/a.md", "A");
        WriteGood("news/b.markdown", "B");
        File.WriteAllText(Path.Combine(_factory.SourceDirectory, "notes.txt"), "not markdown");

        var report = await _factory.ImportAsync();

        Assert.Equal((2, 2, 0, 0, 0, 0, 0, 0), Counts(report));
        Assert.Equal([("news-a", "news/a.md", "A"), ("news-b", "news/b.markdown", "B")], await ArticlesAsync());
    }

    [Fact]
    public async Task ReimportingUnchangedFilesChangesNothing()
    {
        WriteGood("a.md", "A");
        await _factory.ImportAsync();
        var before = await ArticlesAsync();

        var report = await _factory.ImportAsync();

        Assert.Equal((1, 0, 0, 0, 1, 0, 0, 0), Counts(report));
        Assert.False(report.Counts.Changed);
        Assert.Equal(before, await ArticlesAsync());
    }

    [Fact]
    public async Task TheDataVersionMovesWithEveryWriteAndOnlyThen()
    {
        WriteGood("a.md", "A");
        WriteGood("b.md", "B");
        await _factory.ImportAsync();
        var afterFirst = await DataVersionAsync();

        await _factory.ImportAsync();
        var afterNoop = await DataVersionAsync();
        WriteGood("a.md", "A, edited");
        await _factory.ImportAsync();
        var afterEdit = await DataVersionAsync();
        File.Delete(Path.Combine(_factory.SourceDirectory, "b.md"));
        await _factory.ImportAsync();

        // First pass: one batch of writes, then the orphan sweep. An edit: its batch and the sweep. A delete: the same.
        Assert.Equal((2, 2, 4, 6), (afterFirst, afterNoop, afterEdit, await DataVersionAsync()));
    }

    private async Task<long> DataVersionAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();
        return await db.ImportRuns.MaxAsync(r => r.DataVersion);
    }

    [Fact]
    public async Task TouchingAFileWithoutChangingItIsUnchanged()
    {
        WriteGood("a.md", "A");
        await _factory.ImportAsync();
        File.SetLastWriteTimeUtc(Path.Combine(_factory.SourceDirectory, "a.md"), DateTime.UtcNow.AddMinutes(5));

        Assert.Equal((1, 0, 0, 0, 1, 0, 0, 0), Counts(await _factory.ImportAsync()));
    }

    [Fact]
    public async Task AnEditedFileIsUpdatedInPlace()
    {
        WriteGood("a.md", "A");
        await _factory.ImportAsync();
        WriteGood("a.md", "A, edited");

        var report = await _factory.ImportAsync();

        Assert.Equal((1, 0, 1, 0, 0, 0, 0, 0), Counts(report));
        Assert.Equal([("a", "a.md", "A, edited")], await ArticlesAsync());
    }

    [Fact]
    public async Task ADeletedFileDeletesItsArticleAndOrphanedTopicsAndProviders()
    {
        WriteGood("a.md", "A");
        await _factory.ImportAsync();
        File.Delete(Path.Combine(_factory.SourceDirectory, "a.md"));

        var report = await _factory.ImportAsync();

        Assert.Equal((0, 0, 0, 0, 0, 1, 0, 0), Counts(report));
        Assert.Empty(await ArticlesAsync());
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Topics.CountAsync());
        Assert.Equal(0, await db.Providers.CountAsync());
        Assert.Equal(0, await db.ArticleTopics.CountAsync());
    }

    [Fact]
    public async Task ARenamedFileKeepsItsRowAndTakesItsNewId()
    {
        WriteGood("old/a.md", "A");
        await _factory.ImportAsync();
        Directory.CreateDirectory(Path.Combine(_factory.SourceDirectory, "new"));
        File.Move(Path.Combine(_factory.SourceDirectory, "old/a.md"), Path.Combine(_factory.SourceDirectory, "new/a.md"));

        var report = await _factory.ImportAsync();

        Assert.Equal((1, 0, 0, 1, 0, 0, 0, 0), Counts(report));
        Assert.Equal([("new-a", "new/a.md", "A")], await ArticlesAsync());
    }

    [Fact]
    public async Task ABrokenEditKeepsTheLastGoodVersionAndOtherFilesImport()
    {
        WriteGood("a.md", "A");
        await _factory.ImportAsync();
        File.WriteAllText(Path.Combine(_factory.SourceDirectory, "a.md"), "---\ntitle: \"A, broken\nquality: 1\n---\n");
        WriteGood("b.md", "B");

        var report = await _factory.ImportAsync();

        Assert.Equal((2, 1, 0, 0, 0, 0, 0, 1), Counts(report));
        Assert.Equal(new FailedFile("a.md", 2, 8, "invalid YAML: While scanning a multi-line double-quoted scalar, found wrong indentation"), Assert.Single(report.Failures));
        Assert.Equal([("a", "a.md", "A"), ("b", "b.md", "B")], await ArticlesAsync());
    }

    [Fact]
    public async Task AFileThatStopsBeingAnItemIsRemovedAndReportedSkipped()
    {
        WriteGood("a.md", "A");
        await _factory.ImportAsync();
        File.WriteAllText(Path.Combine(_factory.SourceDirectory, "a.md"), "# Just notes now\n");

        var report = await _factory.ImportAsync();

        Assert.Equal(new SkippedFile("a.md", "no front matter: the first line is not ---"), Assert.Single(report.Skipped));
        Assert.Equal(1, report.Counts.Deleted);
        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public async Task TheSameFileNameInTwoFoldersGivesTwoIds()
    {
        WriteGood("news/same.md", "News");
        WriteGood("archive/same.md", "Archive");

        await _factory.ImportAsync();

        Assert.Equal([("archive-same", "archive/same.md", "Archive"), ("news-same", "news/same.md", "News")], await ArticlesAsync());
    }

    [Fact]
    public async Task AnAliasBombAndAHugeFileFailWithoutStoppingTheRun()
    {
        var bomb = new System.Text.StringBuilder("---\ntitle: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 9; level++)
        {
            bomb.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }

        File.WriteAllText(Path.Combine(_factory.SourceDirectory, "bomb.md"), bomb + "---\n");
        File.WriteAllText(Path.Combine(_factory.SourceDirectory, "huge.md"), "---\ntitle: huge\n---\n" + new string('x', 1024 * 1024));
        WriteGood("good.md", "Good");

        var report = await _factory.ImportAsync();

        Assert.Equal(
            [
                new FailedFile("bomb.md", 7, 45, "front matter expands to more than 100000 nodes (aliases counted as expanded)"),
                new FailedFile("huge.md", 0, 0, "file is 1048596 bytes, over the limit of 1048576 bytes (Import:MaxFileBytes)"),
            ],
            report.Failures);
        Assert.Equal([("good", "good.md", "Good")], await ArticlesAsync());
    }

    [Fact]
    public async Task ANulCharacterFailsItsFileAloneOnEveryEngine()
    {
        // PostgreSQL's text cannot hold U+0000: were it written, the batch and the pass would fail there.
        WriteGood("a.md", "Before");
        File.WriteAllText(Path.Combine(_factory.SourceDirectory, "nul.md"), "---\ntitle: \"Nul\\0Title\"\n---\n");
        WriteGood("z.md", "After");

        var report = await _factory.ImportAsync();

        Assert.Equal([new FailedFile("nul.md", 2, 8, "a value holds a NUL character (U+0000), which is not text")], report.Failures);
        Assert.Equal([("a", "a.md", "Before"), ("z", "z.md", "After")], await ArticlesAsync());
    }

    [Fact]
    public async Task AnIndexedValueOrAPathTooLongForAnIndexFailsItsFileAlone()
    {
        // PostgreSQL refuses B-tree entries over 2,704 bytes: written, these would fail the batch and the pass there.
        WriteGood("a.md", "Before");
        File.WriteAllText(Path.Combine(_factory.SourceDirectory, "long-url.md"),
            $"---\ntitle: Long\nwebUrl: https://example.org/{new string('x', 3000)}\n---\n");
        var deep = string.Join('/', Enumerable.Repeat(new string('d', 200), 5));
        Directory.CreateDirectory(Path.Combine(_factory.SourceDirectory, deep));
        File.WriteAllText(Path.Combine(_factory.SourceDirectory, deep, "deep.md"), Good("Deep"));
        WriteGood("z.md", "After");

        var report = await _factory.ImportAsync();

        Assert.Equal(
            [
                new FailedFile($"{deep}/deep.md", 0, 0, "the path is 1012 bytes long, over the limit of 1000"),
                new FailedFile("long-url.md", 3, 9, "webUrl is 3020 bytes long, over the limit of 1000 for a value that is indexed"),
            ],
            report.Failures.OrderBy(f => f.Path, StringComparer.Ordinal));
        Assert.Equal([("a", "a.md", "Before"), ("z", "z.md", "After")], await ArticlesAsync());
    }

    [Fact]
    public async Task ACancelledPassLeavesTheDatabaseAsItWasAndTheNextPassCompletes()
    {
        WriteGood("a.md", "A");
        await _factory.ImportAsync();
        for (var index = 0; index < 20; index++)
        {
            WriteGood($"more/{index:00}.md", $"More {index}");
        }

        var importer = _factory.Services.GetRequiredService<ArticleImporter>();
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(5, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => importer.RunAsync(progress: progress, cancellationToken: cancel.Token));

        Assert.Equal([("a", "a.md", "A")], await ArticlesAsync());
        await using (var db = await _factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync())
        {
            var last = await db.ImportRuns.OrderByDescending(r => r.Id).FirstAsync();
            Assert.Equal("cancelled", last.Outcome);
            Assert.NotNull(last.FinishedAt);
        }

        var report = await _factory.ImportAsync();
        Assert.Equal((21, 20, 0, 0, 1, 0, 0, 0), Counts(report));
    }

    [Fact]
    public async Task ExcludedGlobsAreLeftOut()
    {
        WriteGood("news/a.md", "A");
        WriteGood("_people/p.md", "P");
        using var factory = new ExcludingFactory();
        _ = factory.Server;
        factory.CopySourceFrom(_factory.SourceDirectory);

        var report = await factory.ImportAsync();

        Assert.Equal(1, report.Counts.Seen);
        Assert.Equal(1, report.Counts.Added);
    }

    /// <summary>Cancels once <paramref name="count"/> files have been handled: a pass stopped part way.</summary>
    private sealed class CancelAfter(int count, CancellationTokenSource cancel) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            if (value.Done >= count)
            {
                cancel.Cancel();
            }
        }
    }

    private sealed class ExcludingFactory() : ArticleApiFactory(sourceToCopy: "")
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Import:Exclude:0", "**/_people/**")];

        public void CopySourceFrom(string folder)
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(SourceDirectory, Path.GetRelativePath(folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
