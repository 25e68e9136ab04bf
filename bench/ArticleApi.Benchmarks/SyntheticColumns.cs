using ArticleApi.Articles.Counting;

namespace ArticleApi.Benchmarks;

/// <summary>
/// Columns shaped like bench/ArticleApi.Generator's articles (seeded, so every run counts the same rows): about 2,000
/// providers and 60 topics, a few of each far more common than the rest, one to four topics per article, three types,
/// five categories, and dates over ten years.
/// </summary>
internal static class SyntheticColumns
{
    public static ArticleColumns Build(int rows, int seed = 42)
    {
        var random = new Random(seed);
        int Skewed(int values) => (int)Math.Floor(Math.Pow(random.NextDouble(), 3) * values);
        var topics = new TopicPostings.Builder();
        for (var row = 0; row < rows; row++)
        {
            foreach (var topic in Enumerable.Range(0, random.Next(1, 5)).Select(_ => Skewed(60)).Distinct().Order())
            {
                topics.Add(row, $"topic-{topic}");
            }
        }

        var providers = new NameColumn.Builder();
        var types = new NameColumn.Builder();
        var categories = new NameColumn.Builder();
        for (var row = 0; row < rows; row++)
        {
            providers.Add($"p{Skewed(2000)}.example");
            types.Add(random.Next(10) < 8 ? "article" : random.Next(2) == 0 ? "video" : "course");
            categories.Add($"category-{Skewed(5)}");
        }

        var start = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var instants = Enumerable.Range(0, rows).Select(_ => start + (long)(random.NextDouble() * 10 * 365 * 86_400_000L)).ToArray();
        return new ArticleColumns
        {
            Keys = [.. Enumerable.Range(1, rows).Select(key => (long)key)],
            Published = [.. Enumerable.Range(0, rows).Select(_ => (sbyte)random.Next(0, 2))],
            Quality = ValueColumn.Build([.. Enumerable.Range(0, rows).Select(_ => (int?)random.Next(0, 101))]),
            Heat = ValueColumn.Build([.. Enumerable.Range(0, rows).Select(_ => (int?)random.Next(-1, 101))]),
            Provider = providers.Build(),
            Type = types.Build(),
            Category = categories.Build(),
            PublishedAt = instants,
            Month = ValueColumn.Build([.. instants.Select(instant => (int?)ArticleColumns.MonthOf(instant))]),
            Topics = topics.Build(),
            IdRanks = [.. Enumerable.Range(0, rows)],
        };
    }

    /// <summary>A set of rows, each in it with probability <paramref name="density"/>.</summary>
    public static RowSet RandomRows(int rows, double density, int seed = 7)
    {
        var random = new Random(seed);
        var set = RowSet.Kept(rows);
        for (var row = 0; row < rows; row++)
        {
            if (random.NextDouble() < density)
            {
                set.Add(row);
            }
        }

        return set;
    }
}
