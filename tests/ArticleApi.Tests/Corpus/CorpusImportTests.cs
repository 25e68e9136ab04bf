using System.Text.Json.Nodes;
using ArticleApi.Data;
using ArticleApi.Import;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Corpus;

/// <summary>The whole real corpus in ../shared/corpus, imported once for the class.</summary>
public sealed class CorpusImportTests(CorpusImportTests.CorpusFixture corpus) : IClassFixture<CorpusImportTests.CorpusFixture>
{
    private const string Absent = "../shared/corpus is absent beside the repository: the real-corpus tests need it";

    [SkippableFact]
    public void EveryFileWithATitleIsImportedAndEveryOtherIsSkippedWithItsReason()
    {
        Skip.IfNot(Directory.Exists(TestPaths.Corpus), Absent);
        var report = corpus.Report!;

        Assert.Equal(1155, report.Counts.Seen);
        Assert.Equal(1148, report.Counts.Added);
        Assert.Empty(report.Failures);
        Assert.Equal(
            [
                new SkippedFile("SCHEMA.md", "no front matter: the first line is not ---"),
                .. new[] { "april-dunnam", "charles-lamanna", "reza-dorrani", "ryan-cunningham", "sameer-bhangar", "shane-young" }
                    .Select(name => new SkippedFile($"powerapps/_people/{name}.md", "no title: not an item (a profile, a README or another page)")),
            ],
            report.Skipped);
    }

    [SkippableFact]
    public async Task EveryFrontMatterKeyComesBackWithAnEqualValue()
    {
        Skip.IfNot(Directory.Exists(TestPaths.Corpus), Absent);
        await using var db = await corpus.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();
        var topicNames = await db.Topics.ToDictionaryAsync(t => t.Id, t => t.Name);
        var articles = await db.Articles.AsSplitQuery()
            .Include(a => a.Images).Include(a => a.ProviderImages).Include(a => a.Topics).Include(a => a.Related).ThenInclude(r => r.Images)
            .ToListAsync();
        Assert.Equal(1148, articles.Count);

        var compared = 0;
        foreach (var article in articles)
        {
            var text = await File.ReadAllTextAsync(Path.Combine(corpus.SourceDirectory, article.SourcePath));
            var expected = IndependentYaml.Normalise(IndependentYaml.ReadFrontMatter(text))!.AsObject();
            var actual = IndependentYaml.Normalise(StoredFrontMatter.From(article, topicNames))!.AsObject();

            Assert.Equal(expected.Select(pair => pair.Key).Order(), actual.Select(pair => pair.Key).Order());
            foreach (var (key, value) in expected)
            {
                Assert.True(JsonNode.DeepEquals(value, actual[key]), $"{article.SourcePath}: '{key}' was {value?.ToJsonString()} in the file and {actual[key]?.ToJsonString()} from the database");
                compared++;
            }
        }

        // Every key of every imported file was compared; the count guards against comparing nothing.
        Assert.True(compared > 15_000, $"only {compared} keys compared");
    }

    [SkippableFact]
    public async Task ReimportingTheUnchangedCorpusChangesNothing()
    {
        Skip.IfNot(Directory.Exists(TestPaths.Corpus), Absent);

        var again = await corpus.ImportAsync();

        Assert.Equal((1155, 0, 0, 1148, 0), (again.Counts.Seen, again.Counts.Added, again.Counts.Updated, again.Counts.Unchanged, again.Counts.Deleted));
    }

    public sealed class CorpusFixture() : ArticleApiFactory(TestPaths.Corpus), IAsyncLifetime
    {
        internal ImportReport? Report { get; private set; }

        public async Task InitializeAsync()
        {
            if (Directory.Exists(TestPaths.Corpus))
            {
                _ = Server;
                Report = await ImportAsync();
            }
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }
}
