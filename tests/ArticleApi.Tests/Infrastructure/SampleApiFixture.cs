namespace ArticleApi.Tests.Infrastructure;

/// <summary>One app over the samples, imported once and shared by the read-only tests of a class.</summary>
public sealed class SampleApiFixture : ArticleApiFactory, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        _ = Server;
        await ImportAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
