using ArticleApi.Data;
using ArticleApi.Import;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Import;

/// <summary>Files built to hurt the importer, and a pass cut short: each fails alone, and nothing already imported is lost.</summary>
public sealed class HostileFileImportTests : IDisposable
{
    private readonly ImportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AnAliasBombAndAHugeFileFailWithoutStoppingTheRun()
    {
        var bomb = new System.Text.StringBuilder("---\ntitle: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 9; level++)
        {
            bomb.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }

        File.WriteAllText(Path.Combine(_folder.Factory.SourceDirectory, "bomb.md"), bomb + "---\n");
        File.WriteAllText(Path.Combine(_folder.Factory.SourceDirectory, "huge.md"), "---\ntitle: huge\n---\n" + new string('x', 1024 * 1024));
        _folder.WriteGood("good.md", "Good");

        var report = await _folder.Factory.ImportAsync();

        Assert.Equal(
            [
                new FailedFile("bomb.md", 7, 45, "front matter expands to more than 100000 nodes (aliases counted as expanded)"),
                new FailedFile("huge.md", 0, 0, "file is 1048596 bytes, over the limit of 1048576 bytes (Import:MaxFileBytes)"),
            ],
            report.Failures);
        Assert.Equal([("good", "good.md", "Good")], await _folder.ArticlesAsync());
    }

    [Fact]
    public async Task ANulCharacterFailsItsFileAloneOnEveryEngine()
    {
        // PostgreSQL's text cannot hold U+0000: were it written, the batch and the pass would fail there.
        _folder.WriteGood("a.md", "Before");
        File.WriteAllText(Path.Combine(_folder.Factory.SourceDirectory, "nul.md"), "---\ntitle: \"Nul\\0Title\"\n---\n");
        _folder.WriteGood("z.md", "After");

        var report = await _folder.Factory.ImportAsync();

        Assert.Equal([new FailedFile("nul.md", 2, 8, "a value holds a NUL character (U+0000), which is not text")], report.Failures);
        Assert.Equal([("a", "a.md", "Before"), ("z", "z.md", "After")], await _folder.ArticlesAsync());
    }

    [Fact]
    public async Task AnIndexedValueOrAPathTooLongForAnIndexFailsItsFileAlone()
    {
        // PostgreSQL refuses B-tree entries over 2,704 bytes: written, these would fail the batch and the pass there.
        _folder.WriteGood("a.md", "Before");
        File.WriteAllText(Path.Combine(_folder.Factory.SourceDirectory, "long-url.md"),
            $"---\ntitle: Long\nwebUrl: https://example.org/{new string('x', 3000)}\n---\n");
        var deep = string.Join('/', Enumerable.Repeat(new string('d', 200), 5));
        Directory.CreateDirectory(Path.Combine(_folder.Factory.SourceDirectory, deep));
        File.WriteAllText(Path.Combine(_folder.Factory.SourceDirectory, deep, "deep.md"), ImportFolder.Good("Deep"));
        _folder.WriteGood("z.md", "After");

        var report = await _folder.Factory.ImportAsync();

        Assert.Equal(
            [
                new FailedFile($"{deep}/deep.md", 0, 0, "the path is 1012 bytes long, over the limit of 1000"),
                new FailedFile("long-url.md", 3, 9, "webUrl is 3020 bytes long, over the limit of 1000 for a value that is indexed"),
            ],
            report.Failures.OrderBy(f => f.Path, StringComparer.Ordinal));
        Assert.Equal([("a", "a.md", "Before"), ("z", "z.md", "After")], await _folder.ArticlesAsync());
    }

    [Fact]
    public async Task ACancelledPassLeavesTheDatabaseAsItWasAndTheNextPassCompletes()
    {
        _folder.WriteGood("a.md", "A");
        await _folder.Factory.ImportAsync();
        for (var index = 0; index < 20; index++)
        {
            _folder.WriteGood($"more/{index:00}.md", $"More {index}");
        }

        var importer = _folder.Factory.Services.GetRequiredService<ArticleImporter>();
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(5, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => importer.RunAsync(progress: progress, cancellationToken: cancel.Token));

        Assert.Equal([("a", "a.md", "A")], await _folder.ArticlesAsync());
        await using (var db = await _folder.Factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync())
        {
            var last = await db.ImportRuns.OrderByDescending(r => r.Id).FirstAsync();
            Assert.Equal("cancelled", last.Outcome);
            Assert.NotNull(last.FinishedAt);
        }

        var report = await _folder.Factory.ImportAsync();
        Assert.Equal((21, 20, 0, 0, 1, 0, 0, 0), ImportFolder.Counts(report));
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
}
