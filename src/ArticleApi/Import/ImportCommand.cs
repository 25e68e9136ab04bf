using ArticleApi.Data;
using ArticleApi.Logging;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Import;

/// <summary>
/// <c>ArticleApi import [folder]</c>: one pass over the folder (Import:SourceDirectory when omitted), a progress bar on
/// a terminal, the report on standard output, and exit code 1 when any file failed (skipped files are not failures),
/// 2 when the folder is missing, 3 when another importer holds the import lock (PostgreSQL).
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var folder = args.FirstOrDefault(arg => !arg.StartsWith("--", StringComparison.Ordinal));
        var hostArgs = args.Where(arg => arg.StartsWith("--", StringComparison.Ordinal)).Append("--Import:Enabled=false").ToArray();
        var builder = ArticleApiHost.CreateBuilder(hostArgs);
        builder.Services.AddArticleImport(builder.Configuration);
        await using var app = builder.Build();

        var factory = app.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>();
        await using (var context = await factory.CreateDbContextAsync())
        {
            await app.Services.GetRequiredService<IDatabaseSchema>().EnsureAsync(context, CancellationToken.None);
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            cancel.Cancel();
        };

        app.LogDatabase();
        var importer = app.Services.GetRequiredService<ArticleImporter>();
        var progress = Console.IsErrorRedirected ? null : new ConsoleProgressBar(Console.Error);
        ImportReport report;
        await using var importLock = await app.Services.GetRequiredService<IImportLock>().TryAcquireAsync(cancel.Token);
        if (importLock is null)
        {
            await Console.Error.WriteLineAsync("another importer holds the import lock; skipping this pass");
            return 3;
        }

        var output = Console.Out;
        if (progress is not null)
        {
            // The pass's log lines (a failed file, the summary) print above the bar, never glued to it.
            Console.SetOut(progress.Above(output));
        }

        try
        {
            report = await importer.RunAsync(folder, progress, cancel.Token);
        }
        catch (DirectoryNotFoundException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A pass that fails as a whole (a refused folder, the database) is one line and exit 1, never a crash.
            await Console.Error.WriteLineAsync("import failed: " + exception.Message);
            return 1;
        }
        finally
        {
            progress?.Finish();
            Console.SetOut(output);
        }

        ImportReportPrinter.Print(report, Console.Out);
        return report.Failures.Count > 0 ? 1 : 0;
    }
}
