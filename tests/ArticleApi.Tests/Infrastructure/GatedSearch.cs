using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Infrastructure;

/// <summary>
/// The service's full-text search, except that collecting the matches of the word "gate" waits until the test opens
/// <see cref="Gate"/>: a collect that is surely still running while the test asks for more.
/// </summary>
internal sealed class GatedSearch(IFullTextSearch inner) : IFullTextSearch, IDisposable
{
    public ManualResetEventSlim Gate { get; } = new();

    public static void Join(IServiceCollection services)
    {
        var registered = services.Single(service => service.ServiceType == typeof(IFullTextSearch));
        services.Remove(registered);
        services.AddSingleton(provider => new GatedSearch((IFullTextSearch)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)));
        services.AddSingleton<IFullTextSearch>(provider => provider.GetRequiredService<GatedSearch>());
    }

    public IQueryable<FullTextMatch> Matches(ArticleDbContext context, FullTextQuery query) => inner.Matches(context, query);

    public Task<int> CountAsync(ArticleDbContext context, FullTextQuery query, int atMost, CancellationToken cancellationToken) =>
        inner.CountAsync(context, query, atMost, cancellationToken);

    public (string Sql, object Parameter) KeysStatement(FullTextQuery query)
    {
        if (query.Key == FullTextQueryParser.Parse("gate", out _)!.Key)
        {
            Gate.Wait(TimeSpan.FromSeconds(30));
        }

        return inner.KeysStatement(query);
    }

    public void Dispose() => Gate.Dispose();
}
