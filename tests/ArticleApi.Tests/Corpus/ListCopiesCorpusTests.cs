using ArticleApi.Articles;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Corpus;

/// <summary>
/// Each article row's list copies (<see cref="Article.ListTopics"/>, <see cref="Article.ListImage"/>) against the tables
/// they copy, over the whole real corpus: as the importer writes them, and as the ListColumns migration fills them in
/// for rows imported before it.
/// </summary>
public sealed class ListCopiesCorpusTests
{
    private const string Absent = "../shared/corpus is absent beside the repository: the real-corpus tests need it";

    [SkippableFact]
    public async Task TheImportWritesEachArticlesTopicsAsWrittenAndItsFirstImage()
    {
        Skip.IfNot(Directory.Exists(TestPaths.Corpus), Absent);
        await using var factory = await ImportedCorpusAsync();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();

        var (articles, withTopics, withImage) = await CompareAsync(db, article => (article.ListTopics, article.ListImage));

        Assert.Equal(1148, articles);
        Assert.Equal(1148, withTopics);
        Assert.Equal(1084, withImage);
    }

    [SkippableFact]
    public async Task TheMigrationFillsRowsImportedBeforeItWithTheSameCopies()
    {
        Skip.IfNot(Directory.Exists(TestPaths.Corpus), Absent);
        await using var factory = await ImportedCorpusAsync();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();
        var written = await db.Articles.AsNoTracking().ToDictionaryAsync(a => a.Key, a => (a.ListTopics, a.ListImage));

        // Rows as an older version left them, then the migration's own statement, on this engine.
        await db.Articles.ExecuteUpdateAsync(set => set.SetProperty(a => a.ListTopics, (string?)null).SetProperty(a => a.ListImage, (string?)null));
        var migrations = db.GetService<IMigrationsAssembly>();
        var migration = migrations.CreateMigration(migrations.Migrations.Single(m => m.Key.EndsWith("_ListColumns", StringComparison.Ordinal)).Value, db.Database.ProviderName!);
        var statements = migration.UpOperations.OfType<SqlOperation>().ToList();
        Assert.Single(statements);
        await db.Database.ExecuteSqlRawAsync(statements[0].Sql);

        var (articles, withTopics, withImage) = await CompareAsync(db, article => (article.ListTopics, article.ListImage));
        Assert.Equal(1148, articles);
        Assert.Equal(1148, withTopics);
        Assert.Equal(1084, withImage);

        // The same values as the importer's, whatever the engine's JSON spacing.
        var filled = await db.Articles.AsNoTracking().ToDictionaryAsync(a => a.Key, a => (a.ListTopics, a.ListImage));
        foreach (var (key, (topics, image)) in written)
        {
            Assert.Equal(ArticleJsonColumns.Topics(topics), ArticleJsonColumns.Topics(filled[key].ListTopics));
            Assert.Equal(ArticleJsonColumns.FirstImage(image), ArticleJsonColumns.FirstImage(filled[key].ListImage));
        }
    }

    private static async Task<ArticleApiFactory> ImportedCorpusAsync()
    {
        var factory = new ArticleApiFactory(TestPaths.Corpus);
        _ = factory.Server;
        await factory.ImportAsync();
        return factory;
    }

    /// <summary>Each article's copies, read with <paramref name="copies"/>, against its topic links and images; counts what was compared.</summary>
    private static async Task<(int Articles, int WithTopics, int WithImage)> CompareAsync(ArticleDbContext db, Func<Article, (string? Topics, string? Image)> copies)
    {
        var topics = await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Id);
        var articles = await db.Articles.AsNoTracking().AsSplitQuery().Include(a => a.Images).Include(a => a.Topics).ToListAsync();
        int withTopics = 0, withImage = 0;
        foreach (var article in articles)
        {
            var (listTopics, listImage) = copies(article);
            List<TopicReference> expected = [.. article.Topics.OrderBy(t => t.Position)
                .Select(t => new TopicReference(t.NameAsWritten ?? topics[t.TopicId].Name, topics[t.TopicId].Slug))];
            Assert.Equal(expected, ArticleJsonColumns.Topics(listTopics));
            Assert.Equal(expected.Count == 0, listTopics is null);

            var first = article.Images.FirstOrDefault(i => i.Position == 0);
            Assert.Equal(first is null ? null : new ImageSummary(first.Url, first.Width, first.Height), ArticleJsonColumns.FirstImage(listImage));
            withTopics += expected.Count > 0 ? 1 : 0;
            withImage += first is null ? 0 : 1;
        }

        return (articles.Count, withTopics, withImage);
    }
}
