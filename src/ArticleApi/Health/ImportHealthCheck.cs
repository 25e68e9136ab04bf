using ArticleApi.Import;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ArticleApi.Health;

/// <summary>
/// Ready once this process's first import pass has finished (whatever its outcome), so a new replica does not serve
/// an empty or stale database. A process with <c>Import:Enabled=false</c> serves what another process imports.
/// A pass that failed as a whole (not a file: the pass) makes it not ready, with the reason, until a pass completes.
/// Registered as Degraded on failure (logged as a warning, not an error, at every start) and served as 503 all the same.
/// </summary>
internal sealed class ImportHealthCheck(ImportCoordinator coordinator, IOptions<ImportOptions> options) : IHealthCheck
{
    public const string Name = "import";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = !options.Value.Enabled
            ? HealthCheckResult.Healthy("import runs in another process (Import:Enabled=false)")
            : coordinator.LastFailure is { } failure
                ? new HealthCheckResult(context.Registration.FailureStatus, "the last import pass failed: " + failure)
            : coordinator.FirstPassDone
                ? HealthCheckResult.Healthy("the first import pass has finished")
                : new HealthCheckResult(context.Registration.FailureStatus, "the first import pass has not finished yet");
        return Task.FromResult(result);
    }
}
