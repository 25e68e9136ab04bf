using System.Text.Json;
using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Import;

/// <summary>Records passes in the <c>ImportRuns</c> table: a row when a pass starts, completed when it ends.</summary>
internal static class ImportRunLog
{
    public static async Task<long> StartAsync(IDbContextFactory<ArticleDbContext> contextFactory, string source, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = new ImportRun { SourceDirectory = source, StartedAt = startedAt };
        context.ImportRuns.Add(run);
        await context.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    public static async Task FinishAsync(IDbContextFactory<ArticleDbContext> contextFactory, ImportReport report, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var details = JsonSerializer.Serialize(new ImportRunDetails(report.Skipped, report.Failures), ImportRunDetails.JsonOptions);
        await context.ImportRuns.Where(r => r.Id == report.PassId).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.FinishedAt, report.FinishedAt)
            .SetProperty(r => r.Seen, report.Counts.Seen)
            .SetProperty(r => r.Added, report.Counts.Added)
            .SetProperty(r => r.Updated, report.Counts.Updated)
            .SetProperty(r => r.Renamed, report.Counts.Renamed)
            .SetProperty(r => r.Unchanged, report.Counts.Unchanged)
            .SetProperty(r => r.Deleted, report.Counts.Deleted)
            .SetProperty(r => r.Skipped, report.Counts.Skipped)
            .SetProperty(r => r.Failed, report.Counts.Failed)
            .SetProperty(r => r.Outcome, "completed")
            .SetProperty(r => r.Changed, report.Counts.Changed)
            .SetProperty(r => r.Details, details), cancellationToken);
    }

    /// <summary>Closes a pass that stopped early. Batches it committed stay, and moved the data version as they committed.</summary>
    public static async Task AbandonAsync(IDbContextFactory<ArticleDbContext> contextFactory, long passId, DateTimeOffset finishedAt, string outcome)
    {
        await using var context = await contextFactory.CreateDbContextAsync();
        await context.ImportRuns.Where(r => r.Id == passId).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.FinishedAt, finishedAt)
            .SetProperty(r => r.Outcome, outcome));
    }

    /// <summary>
    /// Closes passes a killed process left <c>running</c>. Called by the importer holding the import lock, so no pass
    /// of another process can be running.
    /// </summary>
    public static async Task<int> CloseInterruptedAsync(IDbContextFactory<ArticleDbContext> contextFactory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.ImportRuns.Where(r => r.FinishedAt == null).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.Outcome, "interrupted: the process stopped before the pass finished"), cancellationToken);
    }

    /// <summary>The folder the database mirrors: that of its newest completed pass; null before the first.</summary>
    public static async Task<string?> MirroredFolderAsync(IDbContextFactory<ArticleDbContext> contextFactory, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.ImportRuns.Where(r => r.Outcome == "completed").OrderByDescending(r => r.Id).Select(r => r.SourceDirectory).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The newest pass (finished or running), or null before the first one.</summary>
    public static async Task<ImportRun?> LatestAsync(ArticleDbContext context, CancellationToken cancellationToken) =>
        await context.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
}

/// <summary>The lists of an <see cref="ImportRun"/>, stored as JSON.</summary>
internal sealed record ImportRunDetails(IReadOnlyList<SkippedFile> Skipped, IReadOnlyList<FailedFile> Failures)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
