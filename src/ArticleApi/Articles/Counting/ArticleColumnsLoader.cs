using System.Data.Common;
using System.Text;
using System.Text.Json;
using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// Reads <see cref="ArticleColumns"/> from the database in one statement over the article rows, streamed: the topics
/// come from each row's list copy (<c>ListTopics</c>, written with the row and checked against the links by the corpus
/// tests), so the rows and their topics are one snapshot on every engine without a transaction. EF writes the
/// statement and runs it; its rows are read by column name without EF's materializer. The ids' order comes from a
/// second statement over the id index (<see cref="IdRanks"/>), and the list orders and the counting index are built before the
/// columns are handed out, so no request pays for them. The rows are read in key order, then numbered in date order
/// (<see cref="RowNumbering"/>).
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
        var slugs = new SlugReader();
        var sql = context.Articles.AsNoTracking().OrderBy(a => a.Key)
            .Select(a => new { a.Key, a.Published, a.Quality, a.Heat, a.ProviderDomain, a.Type, a.Category, a.PublishedDateTime, a.ListTopics })
            .ToQueryString();
        // Run through EF's command pipeline, so its interceptors (telemetry, the request's database time) see it.
        var command = context.GetService<IRawSqlCommandBuilder>().Build(sql);
        await using var rows = await command.ExecuteReaderAsync(new RelationalCommandParameterObject(
            context.GetService<IRelationalConnection>(), null, null, context, context.GetService<IRelationalCommandDiagnosticsLogger>()), cancellationToken);
        var reader = rows.DbDataReader;
        var column = Ordinals(reader, context);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = keys.Count;
            keys.Add(reader.GetInt64(column.Key));
            published.Add(reader.IsDBNull(column.Published) ? ArticleColumns.NoPublished : reader.GetBoolean(column.Published) ? (sbyte)1 : (sbyte)0);
            quality.Add(reader.IsDBNull(column.Quality) ? null : reader.GetInt32(column.Quality));
            heat.Add(reader.IsDBNull(column.Heat) ? null : reader.GetInt32(column.Heat));
            // The stored form is Unix milliseconds on every engine (Model/UnixMillisecondsConverter).
            var dated = !reader.IsDBNull(column.PublishedAt);
            var instant = dated ? reader.GetInt64(column.PublishedAt) : 0;
            publishedAt.Add(instant);
            months.Add(dated ? ArticleColumns.MonthOf(instant) : null);
            providers.Add(reader.IsDBNull(column.Provider) ? null : reader.GetString(column.Provider));
            types.Add(reader.IsDBNull(column.Type) ? null : reader.GetString(column.Type));
            categories.Add(reader.IsDBNull(column.Category) ? null : reader.GetString(column.Category));
            if (!reader.IsDBNull(column.Topics))
            {
                slugs.Add(reader.GetString(column.Topics), row, topics);
            }
        }

        // Closed before the next statement: a PostgreSQL connection runs one command at a time.
        await rows.DisposeAsync();
        var idRanks = await IdRanks(context, [.. keys], cancellationToken);
        var columns = RowNumbering.InDateOrder(new ArticleColumns
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
            IdRanks = idRanks,
        });
        _ = columns.Order(OrderField.PublishedAt);
        _ = columns.ByKey;
        _ = columns.Counting;
        return columns;
    }

    /// <summary>
    /// Each row's place among the ids in code-point order, from the id index (the engines order ids as the lists do:
    /// SQLite's BINARY, PostgreSQL's "C" collation), without holding the ids. Only the order of the places matters.
    /// An import between the two statements moves the data version, so these columns serve at most until requests see
    /// it (<see cref="DataVersion.MaxAge"/>); meanwhile an article it added is not among the rows, and one it deleted
    /// ranks after every id: its row is gone, which the page's read notices (<see cref="ArticleColumnsCache"/>).
    /// </summary>
    private static async Task<int[]> IdRanks(ArticleDbContext context, long[] keys, CancellationToken cancellationToken)
    {
        var ranks = new int[keys.Length];
        Array.Fill(ranks, -1);
        var rank = 0;
        await foreach (var key in context.Articles.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Key).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (Array.BinarySearch(keys, key) is var row and >= 0)
            {
                ranks[row] = rank++;
            }
        }

        for (var row = 0; row < ranks.Length; row++)
        {
            if (ranks[row] == -1)
            {
                ranks[row] = rank++;
            }
        }

        return ranks;
    }

    // Each column by the name the EF model gives its property, which is the name the statement's column has.
    private static (int Key, int Published, int Quality, int Heat, int Provider, int Type, int Category, int PublishedAt, int Topics) Ordinals(
        DbDataReader reader, ArticleDbContext context)
    {
        var article = context.Model.FindEntityType(typeof(Article))!;
        int Of(string property) => reader.GetOrdinal(article.FindProperty(property)!.GetColumnName());
        return (Of(nameof(Article.Key)), Of(nameof(Article.Published)), Of(nameof(Article.Quality)), Of(nameof(Article.Heat)), Of(nameof(Article.ProviderDomain)),
            Of(nameof(Article.Type)), Of(nameof(Article.Category)), Of(nameof(Article.PublishedDateTime)), Of(nameof(Article.ListTopics)));
    }

    /// <summary>
    /// The slugs of <c>ListTopics</c> copies, <c>[["name as written", "slug"], ...]</c>, read with buffers kept from
    /// one row to the next and without a string per slug.
    /// </summary>
    internal sealed class SlugReader
    {
        private byte[] _bytes = new byte[1024];
        private char[] _chars = new char[256];

        public void Add(string json, int row, TopicPostings.Builder topics)
        {
            if (Encoding.UTF8.GetMaxByteCount(json.Length) > _bytes.Length)
            {
                _bytes = new byte[Encoding.UTF8.GetMaxByteCount(json.Length)];
            }

            if (json.Length > _chars.Length)
            {
                _chars = new char[json.Length];
            }

            var reader = new Utf8JsonReader(_bytes.AsSpan(0, Encoding.UTF8.GetBytes(json, _bytes)));
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
                        topics.Add(row, _chars.AsSpan(0, reader.CopyString(_chars)));
                        position++;
                        break;
                    default:
                        position++;
                        break;
                }
            }
        }
    }
}
