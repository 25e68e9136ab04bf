namespace ArticleApi.Health;

/// <summary>The keys the checks put in their data and the readiness body reports.</summary>
internal static class HealthData
{
    public const string DatabaseProvider = "databaseProvider";
    public const string ArticleCount = "articleCount";
    public const string LastImportAt = "lastImportAt";
    public const string FailedFiles = "failedFiles";
}
