namespace ArticleApi.Tests.Infrastructure;

/// <summary>
/// The app over a folder of article files a test class writes, imported once for the class. The factory copies the
/// written folder into its own, so the written one goes at once.
/// </summary>
public abstract class GeneratedArticlesFixture : ArticleApiFactory, IAsyncLifetime
{
    /// <param name="write">Writes the article files into the folder it is given.</param>
    protected GeneratedArticlesFixture(Action<string> write)
        : this(new TempFolder(), write)
    {
    }

    private GeneratedArticlesFixture(TempFolder generated, Action<string> write)
        : base(Written(generated.Path, write))
    {
        generated.Dispose();
    }

    public async Task InitializeAsync()
    {
        _ = Server;
        await ImportAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    private static string Written(string folder, Action<string> write)
    {
        write(folder);
        return folder;
    }
}
