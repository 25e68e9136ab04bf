using System.Text.Json;
using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArticleApi.Import;

internal static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/import").WithTags("Import");
        group.MapGet("/status", GetStatusAsync)
            .WithName("GetImportStatus")
            .WithSummary("The last import pass: counts, skipped files and failures with line and column.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", RequestPass)
            .WithName("RequestImport")
            .WithSummary("Asks the import worker for a pass now; poll /import/status for its outcome.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    internal static async Task<Results<Ok<ImportStatusResponse>, ProblemHttpResult>> GetStatusAsync(ArticleDbContext db, CancellationToken cancellationToken)
    {
        var run = await ImportRunLog.LatestAsync(db, cancellationToken);
        if (run is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No import pass yet",
                detail: "No import pass has started on this database yet.");
        }

        var details = JsonSerializer.Deserialize<ImportRunDetails>(run.Details, ImportRunDetails.JsonOptions);
        return TypedResults.Ok(new ImportStatusResponse(
            run.Id, run.SourceDirectory, run.StartedAt, run.FinishedAt, run.FinishedAt is null, run.Outcome,
            run.Seen, run.Added, run.Updated, run.Renamed, run.Unchanged, run.Deleted, run.Skipped, run.Failed,
            run.FinishedAt is { } finished ? (finished - run.StartedAt).TotalMilliseconds : null,
            details?.Skipped ?? [], details?.Failures ?? []));
    }

    internal static Results<Accepted, ProblemHttpResult> RequestPass(ImportCoordinator coordinator, Microsoft.Extensions.Options.IOptions<ImportOptions> options)
    {
        if (!options.Value.Enabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Import is disabled",
                detail: "This process runs with Import:Enabled=false; ask the importer process instead.");
        }

        coordinator.Trigger();
        return TypedResults.Accepted("/import/status");
    }
}
