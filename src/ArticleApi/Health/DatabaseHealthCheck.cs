using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ArticleApi.Health;

/// <summary>
/// Ready when the database answers and holds the current schema. Also reads what the readiness body reports: the
/// article count and the last finished import pass (its time and failed-file count).
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<ArticleDbContext> contextFactory, IDatabaseSchema databaseSchema, ArticleTotal articleTotal, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public const string Name = "database";

#pragma warning disable CA1031 // Any failure to reach the database means "not ready", reported in the body, never a 500.
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { [HealthData.DatabaseProvider] = options.Value.Provider };
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var schema = await SchemaStatus.ReadAsync(db, databaseSchema, cancellationToken);
            // Waiting for the importer is a replica's normal start, not a fault: Degraded is logged as a warning (an
            // unreachable database stays Unhealthy, an error) and readiness serves both as 503.
            if (!schema.DatabaseExists)
            {
                return HealthCheckResult.Degraded("the database does not exist yet: the importer creates it", data: data);
            }

            if (!schema.IsCurrent)
            {
                return HealthCheckResult.Degraded($"the schema is not prepared ({schema.Applied} of {schema.Expected} migrations applied)", data: data);
            }

            data[HealthData.ArticleCount] = await articleTotal.GetAsync(db, cancellationToken);
            var lastRun = await db.ImportRuns.Where(run => run.Outcome == "completed").OrderByDescending(run => run.Id)
                .Select(run => new { run.FinishedAt, run.Failed }).FirstOrDefaultAsync(cancellationToken);
            if (lastRun is not null)
            {
                data[HealthData.LastImportAt] = lastRun.FinishedAt!.Value;
                data[HealthData.FailedFiles] = lastRun.Failed;
            }

            return HealthCheckResult.Healthy("the database answers and holds the current schema", data);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the database cannot be read: " + exception.Message, data: data);
        }
    }
#pragma warning restore CA1031
}
