namespace ArticleApi.Tests.Infrastructure;

/// <summary>
/// The app over a copy of the samples (or another folder) with list pages found in the articles' columns in memory, waiting
/// for them after each import (<c>Lists:PagesFromColumns=Wait</c>); the default factory reads pages through SQL.
/// </summary>
public class ColumnPagesFixture : ArticleApiFactory, IAsyncLifetime
{
    public ColumnPagesFixture()
        : this(TestPaths.Samples)
    {
    }

    protected ColumnPagesFixture(string source)
        : base(source)
    {
    }

    /// <summary>Over a copy of <paramref name="source"/>.</summary>
    public static ColumnPagesFixture Over(string source) => new(source);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Lists:PagesFromColumns", "Wait")];

    public async Task InitializeAsync()
    {
        _ = Server;
        await ImportAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
