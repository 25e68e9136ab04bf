using System.Data.Common;
using ArticleApi.Model;

namespace ArticleApi.Tests.Infrastructure;

/// <summary>An article as read straight from the database with plain SQL: the independent side of list assertions.</summary>
public sealed record ArticleRow(
    long Key, string Id, long? Published, int? Quality, int? Heat, bool? IsPublished, string? Provider, string? Type, string? Category,
    string Title, string? Excerpt, string? Link, IReadOnlyList<string> Topics);

public sealed record RelatedRow(long Id, string SourceId, string? WebUrl, string? Domain);

/// <summary>Reads the database of a factory without EF, so expected values do not share code with the API.</summary>
public static class SampleRows
{
    public static List<ArticleRow> Articles(ArticleApiFactory factory)
    {
        using var connection = Open(factory);
        var topics = new Dictionary<long, List<string>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT at.\"ArticleKey\", t.\"Slug\" FROM \"ArticleTopics\" at JOIN \"Topics\" t ON t.\"Id\" = at.\"TopicId\" ORDER BY at.\"ArticleKey\", at.\"Position\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = reader.GetInt64(0);
                if (!topics.TryGetValue(key, out var list))
                {
                    topics[key] = list = [];
                }

                list.Add(reader.GetString(1));
            }
        }

        using var articles = connection.CreateCommand();
        articles.CommandText = "SELECT \"Key\", \"Id\", \"PublishedDateTime\", \"Quality\", \"Heat\", \"Published\", \"ProviderDomain\", \"Type\", \"Category\", \"Title\", \"Excerpt\", \"Link\" FROM \"Articles\"";
        using var rows = articles.ExecuteReader();
        var result = new List<ArticleRow>();
        while (rows.Read())
        {
            var key = rows.GetInt64(0);
            result.Add(new ArticleRow(key, rows.GetString(1), Nullable(rows, 2, r => r.GetInt64(2)), Nullable(rows, 3, r => r.GetInt32(3)),
                Nullable(rows, 4, r => r.GetInt32(4)), Nullable(rows, 5, r => Convert.ToInt64(r.GetValue(5), System.Globalization.CultureInfo.InvariantCulture) == 1), Text(rows, 6), Text(rows, 7), Text(rows, 8),
                rows.GetString(9), Text(rows, 10), Text(rows, 11), topics.GetValueOrDefault(key) ?? []));
        }

        return result;
    }

    public static List<RelatedRow> Related(ArticleApiFactory factory)
    {
        using var connection = Open(factory);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT r.\"Id\", a.\"Id\", r.\"WebUrl\", r.\"ProviderDomain\" FROM \"RelatedLinks\" r JOIN \"Articles\" a ON a.\"Key\" = r.\"ArticleKey\" ORDER BY r.\"Id\"";
        using var rows = command.ExecuteReader();
        var result = new List<RelatedRow>();
        while (rows.Read())
        {
            result.Add(new RelatedRow(rows.GetInt64(0), rows.GetString(1), Text(rows, 2), Text(rows, 3)));
        }

        return result;
    }

    /// <summary>The order the API promises: by the value, nulls first ascending and last descending, then id in the same direction.</summary>
    public static List<string> Ordered(IEnumerable<ArticleRow> rows, Func<ArticleRow, long?> key, bool descending)
    {
        var comparer = Comparer<(bool HasValue, long Value, string Id)>.Create((a, b) =>
        {
            var byNull = a.HasValue.CompareTo(b.HasValue);
            if (byNull != 0)
            {
                return byNull;
            }

            var byValue = a.Value.CompareTo(b.Value);
            return byValue != 0 ? byValue : string.CompareOrdinal(a.Id, b.Id);
        });
        var keyed = rows.Select(r => (HasValue: key(r).HasValue, Value: key(r) ?? 0, r.Id));
        return [.. (descending ? keyed.OrderByDescending(k => k, comparer) : keyed.OrderBy(k => k, comparer)).Select(k => k.Id)];
    }

    private static DbConnection Open(ArticleApiFactory factory) => factory.OpenConnection();

    private static T? Nullable<T>(DbDataReader reader, int ordinal, Func<DbDataReader, T> read)
        where T : struct => reader.IsDBNull(ordinal) ? null : read(reader);

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
