using System.Data.Common;
using ArticleApi.Articles;

namespace ArticleApi.Import;

/// <summary>The prepared statements that write one article with its provider, topics, images and related links.</summary>
internal sealed class ArticleStatements(DbConnection connection) : IAsyncDisposable
{
    private readonly InsertCommand _article = new(connection, "Articles",
        "Key", "Id", "SourcePath", "ContentHash", "FileLength", "FileModifiedAt", "ImportedAt", "Title", "Excerpt",
        "PublishedDateTime", "WebUrl", "OriginalUrl", "AmpWebUrl", "CdnAmpWebUrl", "Link", "Type", "Category", "Quality",
        "Heat", "Published", "ProviderDomain", "ProviderName", "ProviderExtra", "Secured", "Body", "Extra");

    private readonly InsertCommand _articleImage = Image(connection, "ArticleImages");
    private readonly InsertCommand _providerImage = Image(connection, "ArticleProviderImages");
    private readonly InsertCommand _relatedImage = Image(connection, "RelatedLinkImages");
    private readonly InsertCommand _articleTopic = new(connection, "ArticleTopics", "ArticleKey", "TopicId", "Position", "NameAsWritten");
    private readonly InsertCommand _topic = new(connection, "Topics", "Id", "Slug", "Name");

    private readonly InsertCommand _related = new(connection, "RelatedLinks",
        "Id", "ArticleKey", "Position", "Title", "Excerpt", "PublishedDateTime", "WebUrl", "AmpWebUrl", "CdnAmpWebUrl",
        "Type", "Quality", "ProviderName", "ProviderDomain", "Extra");

    private readonly DbCommand _provider = Command(connection, """
        INSERT INTO "Providers" ("Domain", "Name", "LogoUrl", "LogoWidth", "LogoHeight") VALUES (@p0, @p1, @p2, @p3, @p4)
        ON CONFLICT ("Domain") DO UPDATE SET "Name" = excluded."Name", "LogoUrl" = excluded."LogoUrl",
            "LogoWidth" = excluded."LogoWidth", "LogoHeight" = excluded."LogoHeight"
        """, 5);

    private readonly DbCommand _restat = Command(connection,
        "UPDATE \"Articles\" SET \"FileLength\" = @p0, \"FileModifiedAt\" = @p1 WHERE \"Key\" = @p2", 3);

    public DbTransaction Transaction
    {
        set
        {
            foreach (var insert in new[] { _article, _articleImage, _providerImage, _relatedImage, _articleTopic, _topic, _related })
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

        await _article.ExecuteAsync(cancellationToken,
            key, a.Id, a.SourcePath, a.ContentHash, a.FileLength, a.FileModifiedAt, a.ImportedAt, a.Title, a.Excerpt,
            a.PublishedDateTime, a.WebUrl, a.OriginalUrl, a.AmpWebUrl, a.CdnAmpWebUrl, a.Link, a.Type, a.Category, a.Quality,
            a.Heat, a.Published, a.ProviderDomain, a.ProviderName, a.ProviderExtra, a.Secured, a.Body, a.Extra);
        await InsertImagesAsync(_articleImage, key, a.Images, cancellationToken);
        await InsertImagesAsync(_providerImage, key, a.ProviderImages, cancellationToken);
        await InsertTopicsAsync(key, topicNames, lookups, cancellationToken);
        foreach (var link in a.Related)
        {
            var id = lookups.NextRelatedId++;
            await _related.ExecuteAsync(cancellationToken,
                id, key, link.Position, link.Title, link.Excerpt, link.PublishedDateTime, link.WebUrl, link.AmpWebUrl,
                link.CdnAmpWebUrl, link.Type, link.Quality, link.ProviderName, link.ProviderDomain, link.Extra);
            await InsertImagesAsync(_relatedImage, id, link.Images, cancellationToken);
        }
    }

    public async Task RestatAsync(long key, SourceFile file, CancellationToken cancellationToken)
    {
        _restat.Parameters[0].Value = file.Length;
        _restat.Parameters[1].Value = file.ModifiedAt.ToUnixTimeMilliseconds();
        _restat.Parameters[2].Value = key;
        await _restat.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The provider row takes the name and first logo of the last file that names it; unchanged rows are not written.</summary>
    private async Task UpsertProviderAsync(Article article, WriteLookups lookups, CancellationToken cancellationToken)
    {
        var domain = article.ProviderDomain!;
        lookups.Providers.TryGetValue(domain, out var current);
        var logo = article.ProviderImages.FirstOrDefault();
        var next = (
            Name: string.IsNullOrWhiteSpace(article.ProviderName) ? current.Name ?? domain : article.ProviderName,
            LogoUrl: logo?.Url ?? current.LogoUrl,
            LogoWidth: logo is null ? current.LogoWidth : logo.Width,
            LogoHeight: logo is null ? current.LogoHeight : logo.Height);
        if (lookups.Providers.ContainsKey(domain) && next == current)
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

    private async Task InsertTopicsAsync(long key, IReadOnlyList<string> names, WriteLookups lookups, CancellationToken cancellationToken)
    {
        var position = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var slug = Slug.ForTopic(name);
            if (!seen.Add(slug))
            {
                continue;
            }

            if (!lookups.TopicIds.TryGetValue(slug, out var topicId))
            {
                topicId = lookups.NextTopicId++;
                await _topic.ExecuteAsync(cancellationToken, topicId, slug, name);
                lookups.TopicIds[slug] = topicId;
                lookups.TopicNames[topicId] = name;
            }

            var canonical = lookups.TopicNames.GetValueOrDefault(topicId);
            await _articleTopic.ExecuteAsync(cancellationToken, key, topicId, position++, name == canonical ? null : name);
        }
    }

    private static async Task InsertImagesAsync(InsertCommand insert, long ownerKey, List<Image> images, CancellationToken cancellationToken)
    {
        foreach (var image in images)
        {
            await insert.ExecuteAsync(cancellationToken,
                ownerKey, image.Position, image.Url, image.Width, image.Height, image.Title, image.IsCached, image.Extra);
        }
    }

    private static InsertCommand Image(DbConnection connection, string table) =>
        new(connection, table, "OwnerKey", "Position", "Url", "Width", "Height", "Title", "IsCached", "Extra");

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
        foreach (var insert in new[] { _article, _articleImage, _providerImage, _relatedImage, _articleTopic, _topic, _related })
        {
            await insert.DisposeAsync();
        }

        await _provider.DisposeAsync();
        await _restat.DisposeAsync();
    }
}
