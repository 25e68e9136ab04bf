using ArticleApi.Articles;
using ArticleApi.Data;
using ArticleApi.Providers;
using ArticleApi.Topics;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Import;

/// <summary>
/// Writes a pass's decisions. Each batch is one transaction, so a crash or a cancellation leaves the database as it
/// was before or after a batch, never with half an article. Readers are not blocked (WAL).
/// </summary>
internal sealed class ArticleWriter(IDbContextFactory<ArticleDbContext> contextFactory)
{
    public async Task<(int Added, int Updated)> WriteAsync(
        IReadOnlyList<PendingItem> pending, IReadOnlyList<StoredArticle> gone, int batchSize, CancellationToken cancellationToken)
    {
        // Deletions first: a new file may take the id a vanished one had.
        foreach (var chunk in gone.Chunk(batchSize))
        {
            await DeleteAsync([.. chunk.Select(row => row.Key)], cancellationToken);
        }

        var added = 0;
        var updated = 0;
        foreach (var chunk in pending.Chunk(batchSize))
        {
            await WriteBatchAsync(chunk, cancellationToken);
            foreach (var item in chunk)
            {
                if (item is PendingItem.Upsert { ExistingKey: null })
                {
                    added++;
                }
                else if (item is PendingItem.Upsert { IsRename: false })
                {
                    updated++;
                }
            }
        }

        if (gone.Count > 0 || added + updated > 0)
        {
            await RemoveOrphansAsync(cancellationToken);
        }

        return (added, updated);
    }

    private async Task DeleteAsync(long[] keys, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.Articles.Where(a => keys.Contains(a.Key)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task WriteBatchAsync(PendingItem[] batch, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);

        var upserts = batch.OfType<PendingItem.Upsert>().ToList();
        var replacedKeys = upserts.Where(u => u.ExistingKey is not null).Select(u => u.ExistingKey!.Value).ToArray();
        if (replacedKeys.Length > 0)
        {
            // Replace, not patch: children (images, topics, related) are rewritten whole, and the key is kept.
            await context.Articles.Where(a => replacedKeys.Contains(a.Key)).ExecuteDeleteAsync(cancellationToken);
        }

        var topics = await TopicsForAsync(context, upserts, cancellationToken);
        var providers = await ProvidersForAsync(context, upserts, cancellationToken);
        foreach (var upsert in upserts)
        {
            var article = upsert.Article;
            article.Key = upsert.ExistingKey ?? 0;
            article.Topics = [.. upsert.TopicNames
                .Select(name => (Name: name, Topic: topics[Slug.From(name)]))
                .DistinctBy(pair => pair.Topic.Slug)
                .Select((pair, position) => new ArticleTopic
                {
                    Topic = pair.Topic,
                    Position = position,
                    NameAsWritten = pair.Name == pair.Topic.Name ? null : pair.Name,
                })];
            if (article.ProviderDomain is not null)
            {
                providers[article.ProviderDomain].Apply(article);
            }

            context.Articles.Add(article);
        }

        foreach (var restat in batch.OfType<PendingItem.Restat>())
        {
            await context.Articles.Where(a => a.Key == restat.Key).ExecuteUpdateAsync(
                set => set.SetProperty(a => a.FileLength, restat.File.Length).SetProperty(a => a.FileModifiedAt, restat.File.ModifiedAt),
                cancellationToken);
        }

        context.ChangeTracker.DetectChanges();
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The topic rows the batch names, by slug: existing ones loaded, new ones added to the context.</summary>
    private static async Task<Dictionary<string, Topic>> TopicsForAsync(ArticleDbContext context, List<PendingItem.Upsert> upserts, CancellationToken cancellationToken)
    {
        var names = upserts.SelectMany(u => u.TopicNames).GroupBy(Slug.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var slugs = names.Keys.ToArray();
        var topics = await context.Topics.AsTracking().Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, cancellationToken);
        foreach (var (slug, name) in names)
        {
            if (!topics.ContainsKey(slug))
            {
                var topic = new Topic { Slug = slug, Name = name };
                context.Topics.Add(topic);
                topics[slug] = topic;
            }
        }

        return topics;
    }

    /// <summary>The provider rows the batch names, by domain; each takes the name and logo of the last file naming it.</summary>
    private static async Task<Dictionary<string, ProviderUpdate>> ProvidersForAsync(ArticleDbContext context, List<PendingItem.Upsert> upserts, CancellationToken cancellationToken)
    {
        var domains = upserts.Select(u => u.Article.ProviderDomain).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var existing = await context.Providers.AsTracking().Where(p => domains.Contains(p.Domain)).ToDictionaryAsync(p => p.Domain, StringComparer.Ordinal, cancellationToken);
        var updates = new Dictionary<string, ProviderUpdate>(StringComparer.Ordinal);
        foreach (var domain in domains)
        {
            if (!existing.TryGetValue(domain, out var provider))
            {
                provider = new Provider { Domain = domain, Name = domain };
                context.Providers.Add(provider);
            }

            updates[domain] = new ProviderUpdate(provider);
        }

        return updates;
    }

    private async Task RemoveOrphansAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await context.Topics.Where(t => !context.ArticleTopics.Any(at => at.TopicId == t.Id)).ExecuteDeleteAsync(cancellationToken);
        await context.Providers.Where(p => !context.Articles.Any(a => a.ProviderDomain == p.Domain)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Copies an article's view of its provider (name, first logo) onto the shared provider row.</summary>
    private sealed class ProviderUpdate(Provider provider)
    {
        public void Apply(Article article)
        {
            if (!string.IsNullOrWhiteSpace(article.ProviderName))
            {
                provider.Name = article.ProviderName;
            }

            var logo = article.ProviderImages.FirstOrDefault();
            if (logo is not null)
            {
                provider.LogoUrl = logo.Url;
                provider.LogoWidth = logo.Width;
                provider.LogoHeight = logo.Height;
            }

            article.Provider = provider;
        }
    }
}
