namespace ArticleApi.Tests.Infrastructure;

/// <summary>Folders the tests read: the repository's samples and the shared real corpus beside the repository.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Samples => Path.Combine(RepositoryRoot, "samples");

    /// <summary>
    /// <c>../shared/corpus</c> next to the repository; absent on a clone without it. <c>ARTICLEAPI_CORPUS</c> names
    /// another folder (a git worktree has no <c>../shared</c> beside it).
    /// </summary>
    public static string Corpus => Path.GetFullPath(Environment.GetEnvironmentVariable("ARTICLEAPI_CORPUS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(RepositoryRoot, "..", "shared", "corpus"));

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ArticleApi.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ArticleApi.sln not found above " + AppContext.BaseDirectory);
    }
}
