using System.Data.Common;
using ArticleApi.Import.Reading;

namespace ArticleApi.Import.Writing;

/// <summary>What the writer keeps in memory for a pass: the next free keys, topics by slug, providers by domain.</summary>
internal sealed class WriteLookups
{
    public long NextArticleKey { get; set; }

    public long NextRelatedId { get; set; }

    public long NextTopicId { get; set; }

    public Dictionary<string, long> TopicIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Each topic's canonical name (the first one written for its slug).</summary>
    public Dictionary<long, string> TopicNames { get; } = [];

    /// <summary>The provider row as last written, to skip writes that change nothing.</summary>
    public Dictionary<string, ProviderRow> Providers { get; } = new(StringComparer.Ordinal);

    public static async Task<WriteLookups> LoadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var lookups = new WriteLookups
        {
            NextArticleKey = await ScalarAsync(connection, "SELECT COALESCE(MAX(\"Key\"), 0) + 1 FROM \"Articles\"", cancellationToken),
            NextRelatedId = await ScalarAsync(connection, "SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"RelatedLinks\"", cancellationToken),
            NextTopicId = await ScalarAsync(connection, "SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Topics\"", cancellationToken),
        };
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"Slug\", \"Id\", \"Name\" FROM \"Topics\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lookups.TopicIds[reader.GetString(0)] = reader.GetInt64(1);
                lookups.TopicNames[reader.GetInt64(1)] = reader.GetString(2);
            }
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"Domain\", \"Name\", \"LogoUrl\", \"LogoWidth\", \"LogoHeight\" FROM \"Providers\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lookups.Providers[reader.GetString(0)] = new ProviderRow(reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4));
            }
        }

        return lookups;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL.
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
