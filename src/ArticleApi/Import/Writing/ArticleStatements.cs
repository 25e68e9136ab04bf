using System.Data.Common;
using ArticleApi.Articles;
using ArticleApi.Data;
using ArticleApi.Import.Reading;
using ArticleApi.Model;

namespace ArticleApi.Import.Writing;

/// <summary>
/// The statements that write one article with its provider, topics, images and related links. Row inserts go through
/// the engine's <see cref="ITableInsert"/> and may be buffered until <see cref="FlushAsync"/>; the provider upsert and
/// the restat run at once, since the rows buffered after them depend on them or not at all.
/// </summary>
internal sealed class ArticleStatements : IAsyncDisposable
{
    private readonly ITableInsert _article;
    private readonly ITableInsert _articleImage;
    private readonly ITableInsert _providerImage;
    private readonly ITableInsert _relatedImage;
    private readonly ITableInsert _articleTopic;
    private readonly ITableInsert _topic;
    private readonly ITableInsert _related;
    private readonly DbCommand _provider;
    private readonly DbCommand _restat;

    /// <summary>The inserts in foreign-key order: a table's rows are flushed after the rows they refer to.</summary>
    private readonly ITableInsert[] _inserts;

    public ArticleStatements(DbConnection connection, IBulkWriter schema)
    {
        _topic = schema.CreateInsert(connection, WriteColumns.TopicsTable, WriteColumns.Topics);
        _article = schema.CreateInsert(connection, WriteColumns.ArticlesTable, WriteColumns.Articles);
        _articleImage = schema.CreateInsert(connection, WriteColumns.ArticleImagesTable, WriteColumns.Images);
        _providerImage = schema.CreateInsert(connection, WriteColumns.ProviderImagesTable, WriteColumns.Images);
        _articleTopic = schema.CreateInsert(connection, WriteColumns.ArticleTopicsTable, WriteColumns.ArticleTopics);
        _related = schema.CreateInsert(connection, WriteColumns.RelatedLinksTable, WriteColumns.RelatedLinks);
        _relatedImage = schema.CreateInsert(connection, WriteColumns.RelatedLinkImagesTable, WriteColumns.Images);
        _inserts = [_topic, _article, _articleImage, _providerImage, _articleTopic, _related, _relatedImage];
        _provider = Command(connection, """
            INSERT INTO "Providers" ("Domain", "Name", "LogoUrl", "LogoWidth", "LogoHeight") VALUES (@p0, @p1, @p2, @p3, @p4)
            ON CONFLICT ("Domain") DO UPDATE SET "Name" = excluded."Name", "LogoUrl" = excluded."LogoUrl",
                "LogoWidth" = excluded."LogoWidth", "LogoHeight" = excluded."LogoHeight"
            """, 5);
        _restat = Command(connection, "UPDATE \"Articles\" SET \"FileLength\" = @p0, \"FileModifiedAt\" = @p1 WHERE \"Key\" = @p2", 3);
    }

    public DbTransaction Transaction
    {
        set
        {
            foreach (var insert in _inserts)
            {
                insert.Transaction = value;
            }

            _provider.Transaction = value;
            _restat.Transaction = value;
        }
    }

    public async Task InsertAsync(long key, Article a, IReadOnlyList<string> topicNames, WriteLookups lookups, CancellationToken cancellationToken)
    {
        if (a.ProviderDomain is not null)
        {
            await UpsertProviderAsync(a, lookups, cancellationToken);
        }

        var topics = ListColumns.TopicLinks(topicNames);
        await _article.AddAsync(cancellationToken,
            key, a.Id, a.SourcePath, a.ContentHash, a.FileLength, a.FileModifiedAt, a.ImportedAt, a.Title, a.Excerpt,
            a.PublishedDateTime, a.WebUrl, a.OriginalUrl, a.AmpWebUrl, a.CdnAmpWebUrl, a.Link, a.Type, a.Category, a.Quality,
            a.Heat, a.Published, a.ProviderDomain, a.ProviderName, a.ProviderExtra, a.Secured, a.Body, a.Extra,
            ListColumns.Topics(topics), ListColumns.FirstImage(a.Images));
        await InsertImagesAsync(_articleImage, key, a.Images, cancellationToken);
        await InsertImagesAsync(_providerImage, key, a.ProviderImages, cancellationToken);
        await InsertTopicsAsync(key, topics, lookups, cancellationToken);
        foreach (var link in a.Related)
        {
            var id = lookups.NextRelatedId++;
            await _related.AddAsync(cancellationToken,
                id, key, link.Position, link.Title, link.Excerpt, link.PublishedDateTime, link.WebUrl, link.AmpWebUrl,
                link.CdnAmpWebUrl, link.Type, link.Quality, link.ProviderName, link.ProviderDomain, link.Extra);
            await InsertImagesAsync(_relatedImage, id, link.Images, cancellationToken);
        }
    }

    /// <summary>Writes the buffered rows of every table, parents first; call before the batch commits.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var insert in _inserts)
        {
            await insert.FlushAsync(cancellationToken);
        }
    }

    public async Task RestatAsync(long key, SourceFile file, CancellationToken cancellationToken)
    {
        _restat.Parameters[0].Value = file.Length;
        _restat.Parameters[1].Value = file.ModifiedAt.ToUnixTimeMilliseconds();
        _restat.Parameters[2].Value = key;
        await _restat.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The provider row after this file (<see cref="SharedRows.ProviderAfter"/>); unchanged rows are not written.</summary>
    private async Task UpsertProviderAsync(Article article, WriteLookups lookups, CancellationToken cancellationToken)
    {
        var domain = article.ProviderDomain!;
        var current = lookups.Providers.GetValueOrDefault(domain);
        var logo = article.ProviderImages.FirstOrDefault();
        var next = SharedRows.ProviderAfter(current, domain, article.ProviderName, logo?.Url, logo?.Width, logo?.Height);
        if (next == current)
        {
            return;
        }

        object?[] values = [domain, next.Name, next.LogoUrl, next.LogoWidth, next.LogoHeight];
        for (var index = 0; index < values.Length; index++)
        {
            _provider.Parameters[index].Value = values[index] ?? DBNull.Value;
        }

        await _provider.ExecuteNonQueryAsync(cancellationToken);
        lookups.Providers[domain] = next;
    }

    private async Task InsertTopicsAsync(long key, List<(string Name, string Slug)> topics, WriteLookups lookups, CancellationToken cancellationToken)
    {
        var position = 0;
        foreach (var (name, slug) in topics)
        {
            if (!lookups.TopicIds.TryGetValue(slug, out var topicId))
            {
                topicId = lookups.NextTopicId++;
                await _topic.AddAsync(cancellationToken, topicId, slug, name);
                lookups.TopicIds[slug] = topicId;
                lookups.TopicNames[topicId] = name;
            }

            // A topic keeps the first name written for its slug (lookups.TopicNames); links keep a different spelling.
            await _articleTopic.AddAsync(cancellationToken, key, topicId, position++, SharedRows.TopicNameAsWritten(name, lookups.TopicNames[topicId]));
        }
    }

    private static async Task InsertImagesAsync(ITableInsert insert, long ownerKey, List<Image> images, CancellationToken cancellationToken)
    {
        foreach (var image in images)
        {
            await insert.AddAsync(cancellationToken,
                ownerKey, image.Position, image.Url, image.Width, image.Height, image.Title, image.IsCached, image.Extra);
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        for (var index = 0; index < parameters; index++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{index}";
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var insert in _inserts)
        {
            await insert.DisposeAsync();
        }

        await _provider.DisposeAsync();
        await _restat.DisposeAsync();
    }
}
