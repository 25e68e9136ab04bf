using ArticleApi.Data;
using ArticleApi.Import;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Import;

/// <summary>Incremental passes of the importer over a real database and a real folder, through the app's own services.</summary>
public sealed class ArticleImporterTests : IDisposable
{
    private readonly ImportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task FirstImportAddsEveryItem()
    {
        _folder.WriteGood("news/a.md", "A");
        _folder.WriteGood("news/b.markdown", "B");
        File.WriteAllText(Path.Combine(_folder.Factory.SourceDirectory, "notes.txt"), "not markdown");

        var report = await _folder.Factory.ImportAsync();

        Assert.Equal((2, 2, 0, 0, 0, 0, 0, 0), ImportFolder.Counts(report));
        Assert.Equal([("news-a", "news/a.md", "A"), ("news-b", "news/b.markdown", "B")], await _folder.ArticlesAsync());
    }

    [Fact]
    public async Task ReimportingUnchangedFilesChangesNothing()
    {
        _folder.WriteGood("a.md", "A");
        await _folder.Factory.ImportAsync();
        var before = await _folder.ArticlesAsync();

        var report = await _folder.Factory.ImportAsync();

        Assert.Equal((1, 0, 0, 0, 1, 0, 0, 0), ImportFolder.Counts(report));
        Assert.False(report.Counts.Changed);
        Assert.Equal(before, await _folder.ArticlesAsync());
    }

    [Fact]
    public async Task TheDataVersionMovesWithEveryWriteAndOnlyThen()
    {
        _folder.WriteGood("a.md", "A");
        _folder.WriteGood("b.md", "B");
        await _folder.Factory.ImportAsync();
        var afterFirst = await DataVersionAsync();

        await _folder.Factory.ImportAsync();
        var afterNoop = await DataVersionAsync();
        _folder.WriteGood("a.md", "A, edited");
        await _folder.Factory.ImportAsync();
        var afterEdit = await DataVersionAsync();
        File.Delete(Path.Combine(_folder.Factory.SourceDirectory, "b.md"));
        await _folder.Factory.ImportAsync();

        // First pass: one batch of writes, then the orphan sweep. An edit: its batch and the sweep. A delete: the same.
        Assert.Equal((2, 2, 4, 6), (afterFirst, afterNoop, afterEdit, await DataVersionAsync()));
    }

    private async Task<long> DataVersionAsync()
    {
        await using var db = await _folder.Factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();
        return await db.ImportRuns.MaxAsync(r => r.DataVersion);
    }

    [Fact]
    public async Task TouchingAFileWithoutChangingItIsUnchanged()
    {
        _folder.WriteGood("a.md", "A");
        await _folder.Factory.ImportAsync();
        File.SetLastWriteTimeUtc(Path.Combine(_folder.Factory.SourceDirectory, "a.md"), DateTime.UtcNow.AddMinutes(5));

        Assert.Equal((1, 0, 0, 0, 1, 0, 0, 0), ImportFolder.Counts(await _folder.Factory.ImportAsync()));
    }

    [Fact]
    public async Task AnEditedFileIsUpdatedInPlace()
    {
        _folder.WriteGood("a.md", "A");
        await _folder.Factory.ImportAsync();
        _folder.WriteGood("a.md", "A, edited");

        var report = await _folder.Factory.ImportAsync();

        Assert.Equal((1, 0, 1, 0, 0, 0, 0, 0), ImportFolder.Counts(report));
        Assert.Equal([("a", "a.md", "A, edited")], await _folder.ArticlesAsync());
    }

    [Fact]
    public async Task ADeletedFileDeletesItsArticleAndOrphanedTopicsAndProviders()
    {
        _folder.WriteGood("a.md", "A");
        await _folder.Factory.ImportAsync();
        File.Delete(Path.Combine(_folder.Factory.SourceDirectory, "a.md"));

        var report = await _folder.Factory.ImportAsync();

        Assert.Equal((0, 0, 0, 0, 0, 1, 0, 0), ImportFolder.Counts(report));
        Assert.Empty(await _folder.ArticlesAsync());
        await using var db = await _folder.Factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Topics.CountAsync());
        Assert.Equal(0, await db.Providers.CountAsync());
        Assert.Equal(0, await db.ArticleTopics.CountAsync());
    }

    [Fact]
    public async Task ARenamedFileKeepsItsRowAndTakesItsNewId()
    {
        _folder.WriteGood("old/a.md", "A");
        await _folder.Factory.ImportAsync();
        Directory.CreateDirectory(Path.Combine(_folder.Factory.SourceDirectory, "new"));
        File.Move(Path.Combine(_folder.Factory.SourceDirectory, "old/a.md"), Path.Combine(_folder.Factory.SourceDirectory, "new/a.md"));

        var report = await _folder.Factory.ImportAsync();

        Assert.Equal((1, 0, 0, 1, 0, 0, 0, 0), ImportFolder.Counts(report));
        Assert.Equal([("new-a", "new/a.md", "A")], await _folder.ArticlesAsync());
    }

    [Fact]
    public async Task ABrokenEditKeepsTheLastGoodVersionAndOtherFilesImport()
    {
        _folder.WriteGood("a.md", "A");
        await _folder.Factory.ImportAsync();
        File.WriteAllText(Path.Combine(_folder.Factory.SourceDirectory, "a.md"), "---\ntitle: \"A, broken\nquality: 1\n---\n");
        _folder.WriteGood("b.md", "B");

        var report = await _folder.Factory.ImportAsync();

        Assert.Equal((2, 1, 0, 0, 0, 0, 0, 1), ImportFolder.Counts(report));
        Assert.Equal(new FailedFile("a.md", 2, 8, "invalid YAML: While scanning a multi-line double-quoted scalar, found wrong indentation"), Assert.Single(report.Failures));
        Assert.Equal([("a", "a.md", "A"), ("b", "b.md", "B")], await _folder.ArticlesAsync());
    }

    [Fact]
    public async Task AFileThatStopsBeingAnItemIsRemovedAndReportedSkipped()
    {
        _folder.WriteGood("a.md", "A");
        await _folder.Factory.ImportAsync();
        File.WriteAllText(Path.Combine(_folder.Factory.SourceDirectory, "a.md"), "# Just notes now\n");

        var report = await _folder.Factory.ImportAsync();

        Assert.Equal(new SkippedFile("a.md", "no front matter: the first line is not ---"), Assert.Single(report.Skipped));
        Assert.Equal(1, report.Counts.Deleted);
        Assert.Empty(await _folder.ArticlesAsync());
    }

    [Fact]
    public async Task TheSameFileNameInTwoFoldersGivesTwoIds()
    {
        _folder.WriteGood("news/same.md", "News");
        _folder.WriteGood("archive/same.md", "Archive");

        await _folder.Factory.ImportAsync();

        Assert.Equal([("archive-same", "archive/same.md", "Archive"), ("news-same", "news/same.md", "News")], await _folder.ArticlesAsync());
    }

    [Fact]
    public async Task ExcludedGlobsAreLeftOut()
    {
        _folder.WriteGood("news/a.md", "A");
        _folder.WriteGood("_people/p.md", "P");
        using var factory = new ExcludingFactory();
        _ = factory.Server;
        factory.CopySourceFrom(_folder.Factory.SourceDirectory);

        var report = await factory.ImportAsync();

        Assert.Equal(1, report.Counts.Seen);
        Assert.Equal(1, report.Counts.Added);
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
