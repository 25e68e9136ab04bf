using ArticleApi.Import;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Import;

/// <summary>The app over an empty source folder, with the moves the importer tests make on it: write a file, read back the rows.</summary>
internal sealed class ImportFolder : IDisposable
{
    public ImportFolder() => _ = Factory.Server;

    public ArticleApiFactory Factory { get; } = new(sourceToCopy: "");

    /// <summary>A small valid item: a title, a link, quality, heat, one topic and a provider.</summary>
    public static string Good(string title) =>
        $"---\ntitle: \"{title}\"\nwebUrl: \"https://example.org/{title}\"\nquality: 50\nheat: 3\ntopics:\n  - AI\nprovider:\n  name: Example\n  domain: example.org\n---\n";

    public static (int Seen, int Added, int Updated, int Renamed, int Unchanged, int Deleted, int Skipped, int Failed) Counts(ImportReport report) =>
        (report.Counts.Seen, report.Counts.Added, report.Counts.Updated, report.Counts.Renamed, report.Counts.Unchanged, report.Counts.Deleted, report.Skipped.Count, report.Failures.Count);

    public void WriteGood(string relativePath, string title)
    {
        var full = Path.Combine(Factory.SourceDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, Good(title));
    }

    /// <summary>Every stored article as (id, source path, title), by id.</summary>
    public async Task<List<(string Id, string SourcePath, string Title)>> ArticlesAsync()
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();
        var rows = await db.Articles.OrderBy(a => a.Id).Select(a => new { a.Id, a.SourcePath, a.Title }).ToListAsync();
        return rows.ConvertAll(row => (row.Id, row.SourcePath, row.Title));
    }

    public void Dispose() => Factory.Dispose();
}
