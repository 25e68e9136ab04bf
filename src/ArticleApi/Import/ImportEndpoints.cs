using System.Text.Json;
using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ArticleApi.Import;

internal static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/import").WithTags("Import").RequireRateLimiting(RateLimitOptions.PolicyName);
        group.MapGet("/status", GetStatusAsync)
            .WithName("GetImportStatus")
            .WithSummary("The last import pass: counts, skipped files and failures with line and column.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", RequestPass)
            .WithName("RequestImport")
            .WithSummary("Asks the import worker for a pass now (needs the X-Admin-Key header); poll /import/status for its outcome.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
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
        // The server's own paths stay on the server: the folder by its name, file paths relative to it (as stored).
        var folder = Path.GetFileName(run.SourceDirectory.TrimEnd('/', '\\'));
        return TypedResults.Ok(ImportStatusResponse.From(run, folder, run.Outcome.Replace(run.SourceDirectory, folder, StringComparison.Ordinal),
            details?.Skipped ?? [], details?.Failures ?? []));
    }

    internal static Results<Accepted, ProblemHttpResult> RequestPass(
        [FromHeader(Name = AdminKey.HeaderName)] string? key, ImportCoordinator coordinator, IOptions<ImportOptions> options)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.AdminKey))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Import on demand is off",
                detail: "No Import:AdminKey is configured, so POST /import is off; passes still run at start, on file changes and on the rescan interval.");
        }

        if (!AdminKey.Matches(settings.AdminKey, key))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Wrong admin key",
                detail: $"POST /import needs the configured Import:AdminKey in the {AdminKey.HeaderName} header.");
        }

        if (!settings.Enabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Import is disabled",
                detail: "This process runs with Import:Enabled=false; ask the importer process instead.");
        }

        coordinator.Trigger();
        return TypedResults.Accepted("/import/status");
    }
}
