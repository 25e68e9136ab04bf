using System.Buffers;
using System.Text;
using System.Text.Json;
using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// Reads <see cref="ArticleColumns"/> from the database in one statement over the article rows, streamed: the topics
/// come from each row's list copy (<c>ListTopics</c>, written with the row and checked against the links by the corpus
/// tests), so the rows and their topics are one snapshot on every engine without a transaction.
/// </summary>
internal static class ArticleColumnsLoader
{
    public static async Task<ArticleColumns> LoadAsync(ArticleDbContext context, CancellationToken cancellationToken)
    {
        var keys = new List<long>();
        var published = new List<sbyte>();
        var quality = new List<int?>();
        var heat = new List<int?>();
        var publishedAt = new List<long>();
        var months = new List<int?>();
        var providers = new NameColumn.Builder();
        var types = new NameColumn.Builder();
        var categories = new NameColumn.Builder();
        var topics = new TopicPostings.Builder();
        var rows = context.Articles.AsNoTracking().OrderBy(a => a.Key).Select(a => new
        {
            a.Key,
            a.Published,
            a.Quality,
            a.Heat,
            a.ProviderDomain,
            a.Type,
            a.Category,
            a.PublishedDateTime,
            a.ListTopics,
        });
        await foreach (var a in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var row = keys.Count;
            keys.Add(a.Key);
            published.Add(a.Published switch { true => 1, false => 0, null => ArticleColumns.NoPublished });
            quality.Add(a.Quality);
            heat.Add(a.Heat);
            publishedAt.Add(a.PublishedDateTime?.ToUnixTimeMilliseconds() ?? 0);
            months.Add(a.PublishedDateTime is { } instant ? ArticleColumns.MonthOf(instant.ToUnixTimeMilliseconds()) : null);
            providers.Add(a.ProviderDomain);
            types.Add(a.Type);
            categories.Add(a.Category);
            if (a.ListTopics is { } json)
            {
                AddSlugs(json, row, topics);
            }
        }

        return new ArticleColumns
        {
            Keys = [.. keys],
            Published = [.. published],
            Quality = ValueColumn.Build(quality),
            Heat = ValueColumn.Build(heat),
            Provider = providers.Build(),
            Type = types.Build(),
            Category = categories.Build(),
            PublishedAt = [.. publishedAt],
            Month = ValueColumn.Build(months),
            Topics = topics.Build(),
        };
    }

    /// <summary>The slugs of a <c>ListTopics</c> copy, <c>[["name as written", "slug"], ...]</c>, without a string per slug.</summary>
    internal static void AddSlugs(string json, int row, TopicPostings.Builder topics)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        var chars = ArrayPool<char>.Shared.Rent(json.Length);
        try
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(0, Encoding.UTF8.GetBytes(json, bytes)));
            var depth = 0;
            var position = 0;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartArray:
                        depth++;
                        position = 0;
                        break;
                    case JsonTokenType.EndArray:
                        depth--;
                        break;
                    case JsonTokenType.String when depth == 2 && position == 1:
                        topics.Add(row, chars.AsSpan(0, reader.CopyString(chars)));
                        position++;
                        break;
                    default:
                        position++;
                        break;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
