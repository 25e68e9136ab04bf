using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data;

/// <summary>
/// Articles per topic (all, published, unpublished) and per provider, computed once per data version and kept until
/// the version moves. Counting a million articles takes a second; doing it on every <c>/topics</c> request, or to choose
/// the plan of every topic filter, would put that second on each request.
/// </summary>
internal sealed class ArticleCounts(IDbContextFactory<ArticleDbContext> contextFactory, DataVersion dataVersion) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;

    /// <summary>Counts of one topic: every article naming it, and those marked published true or false.</summary>
    internal readonly record struct TopicCount(int All, int Published, int Unpublished)
    {
        public int For(bool? published) => published switch
        {
            null => All,
            true => Published,
            false => Unpublished,
        };
    }

    internal sealed record Snapshot(
        long Version, IReadOnlyDictionary<int, TopicCount> Topics, IReadOnlyDictionary<string, int> TopicIds, IReadOnlyDictionary<string, int> Providers)
    {
        public TopicCount Topic(int id) => Topics.GetValueOrDefault(id);

        public int Provider(string domain) => Providers.GetValueOrDefault(domain);
    }

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var version = await dataVersion.GetAsync(cancellationToken);
        if (_snapshot is { } current && current.Version == version)
        {
            return current;
        }

        // One computation per version, however many requests arrive meanwhile.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is not { } fresh || fresh.Version != version)
            {
                _snapshot = fresh = await ComputeAsync(version, cancellationToken);
            }

            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<Snapshot> ComputeAsync(long version, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var byTopic = await context.ArticleTopics
            .Join(context.Articles, t => t.ArticleKey, a => a.Key, (t, a) => new { t.TopicId, a.Published })
            .GroupBy(r => new { r.TopicId, r.Published })
            .Select(g => new { g.Key.TopicId, g.Key.Published, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var topics = byTopic.GroupBy(r => r.TopicId).ToDictionary(
            g => g.Key,
            g => new TopicCount(g.Sum(r => r.Count), g.Where(r => r.Published == true).Sum(r => r.Count), g.Where(r => r.Published == false).Sum(r => r.Count)));
        var providers = await context.Articles.Where(a => a.ProviderDomain != null)
            .GroupBy(a => a.ProviderDomain!)
            .Select(g => new { Domain = g.Key, Count = g.Count() })
            .ToDictionaryAsync(r => r.Domain, r => r.Count, StringComparer.Ordinal, cancellationToken);
        var topicIds = await context.Topics.ToDictionaryAsync(t => t.Slug, t => t.Id, StringComparer.Ordinal, cancellationToken);
        return new Snapshot(version, topics, topicIds, providers);
    }
}
