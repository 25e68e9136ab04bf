using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data;

/// <summary>
/// Articles per topic and per provider, computed once per data version and kept until the version moves: on every
/// <c>/topics</c> request, or to choose the plan of every topic filter, counting a million articles would put seconds
/// on each request. Both counts read indexes only (ArticleTopics by topic, the provider index of Articles), never the
/// article rows: on a cold disk, a join from 2.4 million topic links to their articles' rows (for the published flag)
/// took 100 s at 1,000,000 articles. Topic counts split by the published flag are computed only when asked for.
/// </summary>
internal sealed class ArticleCounts(IDbContextFactory<ArticleDbContext> contextFactory, DataVersion dataVersion) : IDisposable
{
    private readonly PerVersion<Snapshot> _snapshot = new(dataVersion);
    private readonly PerVersion<IReadOnlyDictionary<int, int>> _published = new(dataVersion);
    private readonly PerVersion<IReadOnlyDictionary<int, int>> _unpublished = new(dataVersion);

    /// <param name="Articles">All articles: what a walk of the sort index may have to read to fill a page.</param>
    internal sealed record Snapshot(
        IReadOnlyDictionary<int, int> Topics, IReadOnlyDictionary<string, int> TopicIds, IReadOnlyDictionary<string, int> Providers, long Articles)
    {
        /// <summary>How many articles name the topic.</summary>
        public int Topic(int id) => Topics.GetValueOrDefault(id);

        public int Provider(string domain) => Providers.GetValueOrDefault(domain);
    }

    public Task<Snapshot> GetAsync(CancellationToken cancellationToken) => _snapshot.GetAsync(ComputeAsync, cancellationToken);

    /// <summary>Articles per topic whose <c>published</c> is <paramref name="published"/> (articles without the key count in neither).</summary>
    public Task<IReadOnlyDictionary<int, int>> TopicsByPublishedAsync(bool published, CancellationToken cancellationToken) =>
        (published ? _published : _unpublished).GetAsync(async token =>
        {
            await using var context = await contextFactory.CreateDbContextAsync(token);
            // A semi-join from the topic links to the keys of the published index: index pages, not article rows.
            var keys = context.Articles.Where(a => a.Published == published).Select(a => a.Key);
            return await context.ArticleTopics
                .Where(t => keys.Contains(t.ArticleKey))
                .GroupBy(t => t.TopicId)
                .Select(g => new { TopicId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(r => r.TopicId, r => r.Count, token);
        }, cancellationToken);

    public void Dispose()
    {
        _snapshot.Dispose();
        _published.Dispose();
        _unpublished.Dispose();
    }

    private async Task<Snapshot> ComputeAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var topics = await context.ArticleTopics
            .GroupBy(t => t.TopicId)
            .Select(g => new { TopicId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(r => r.TopicId, r => r.Count, cancellationToken);
        var providers = await context.Articles.Where(a => a.ProviderDomain != null)
            .GroupBy(a => a.ProviderDomain!)
            .Select(g => new { Domain = g.Key, Count = g.Count() })
            .ToDictionaryAsync(r => r.Domain, r => r.Count, StringComparer.Ordinal, cancellationToken);
        var topicIds = await context.Topics.ToDictionaryAsync(t => t.Slug, t => t.Id, StringComparer.Ordinal, cancellationToken);
        var articles = await context.Articles.LongCountAsync(cancellationToken);
        return new Snapshot(topics, topicIds, providers, articles);
    }
}
