namespace ArticleApi.Health;

/// <summary>The body of <c>GET /health/ready</c>.</summary>
internal sealed record ReadinessResponse(
    string Status,
    string? DatabaseProvider,
    long? ArticleCount,
    DateTimeOffset? LastImportAt,
    int? FailedFiles,
    IReadOnlyList<HealthCheckResponse> Checks);

/// <summary>One check's outcome within the readiness body.</summary>
internal sealed record HealthCheckResponse(string Name, string Status, string? Description);

/// <summary>The body of <c>GET /health/live</c>.</summary>
internal sealed record LivenessResponse(string Status);
