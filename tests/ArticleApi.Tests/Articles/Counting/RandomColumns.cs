using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>
/// Random <see cref="ArticleColumns"/> and filters for comparing the word-at-a-time counting with the simple per-row
/// test: missing values in every field, values common and rare (so some have bitmaps and some do not), and a row
/// count drawn around multiples of 64 and of the vector width.
/// </summary>
internal static class RandomColumns
{
    public static int RowCount(Random random) => random.Next(4) switch
    {
        0 => random.Next(0, 70),
        1 => (64 * random.Next(1, 12)) + random.Next(-1, 2),
        2 => random.Next(100, 1500),
        _ => random.Next(3000, 9000),
    };

    public static ArticleColumns Build(Random random, int rows, int distinctQuality = 12)
    {
        int? Maybe(int low, int high, int noneIn) => random.Next(noneIn) == 0 ? null : random.Next(low, high);

        // Skewed: value 0 is common, high values rare.
        string? Skewed(string prefix, int values, int noneIn) =>
            random.Next(noneIn) == 0 ? null : $"{prefix}{(int)Math.Floor(Math.Pow(random.NextDouble(), 3) * values)}";

        var topics = new TopicPostings.Builder();
        for (var row = 0; row < rows; row++)
        {
            foreach (var topic in Enumerable.Range(0, random.Next(0, 4)).Select(_ => (int)Math.Floor(Math.Pow(random.NextDouble(), 3) * 40)).Order())
            {
                topics.Add(row, $"t{topic}");
            }
        }

        return new ArticleColumns
        {
            Keys = [.. Enumerable.Range(0, rows).Select(row => (long)(row * 2) + 1)],
            Published = [.. Enumerable.Range(0, rows).Select(_ => (sbyte)random.Next(-1, 2))],
            Quality = ValueColumn.Build([.. Enumerable.Range(0, rows).Select(_ => Maybe(0, distinctQuality, 6))]),
            Heat = ValueColumn.Build([.. Enumerable.Range(0, rows).Select(_ => Maybe(-1, 8, 3))]),
            Provider = Names(Enumerable.Range(0, rows).Select(_ => Skewed("p", 90, 5))),
            Type = Names(Enumerable.Range(0, rows).Select(_ => Skewed("type", 3, 4))),
            Category = Names(Enumerable.Range(0, rows).Select(_ => Skewed("c", 5, 2))),
            PublishedAt = [.. Enumerable.Range(0, rows).Select(_ => Instant(random))],
            Month = ValueColumn.Build([.. Enumerable.Range(0, rows).Select(_ => random.Next(5) == 0 ? null : (int?)random.Next(0, 3))]),
            Topics = topics.Build(),
            IdRanks = [.. Enumerable.Range(0, rows)],
        };
    }

    /// <summary>
    /// Any of the conditions a filter can have, each maybe; names now and then unknown, ranges now and then impossible.
    /// When <paramref name="plain"/>, only published, quality and heat.
    /// </summary>
    public static ColumnFilter Filter(Random random, int rows, int distinctQuality = 12, bool plain = false)
    {
        bool Often() => random.Next(2) == 0;
        bool Seldom() => !plain && random.Next(6) == 0;
        string Topic() => $"t{random.Next(0, 45)}";
        return new ColumnFilter
        {
            Published = random.Next(3) switch { 0 => true, 1 => false, _ => null },
            MinQuality = Often() ? random.Next(-1, distinctQuality + 2) : null,
            MaxQuality = random.Next(6) == 0 ? random.Next(-1, distinctQuality + 2) : null,
            MinHeat = Often() ? random.Next(-2, 10) : null,
            MaxHeat = random.Next(6) == 0 ? random.Next(-2, 10) : null,
            TopicGroups = Seldom() ? [[Topic(), Topic()], .. Seldom() ? new[] { new[] { Topic() } } : []] : [],
            ExcludedTopics = Seldom() ? [Topic()] : [],
            ProviderGroups = Seldom() ? [[$"p{random.Next(0, 65)}", $"p{random.Next(0, 65)}"]] : [],
            ExcludedProviders = Seldom() ? [$"p{random.Next(0, 5)}"] : [],
            From = Seldom() ? DateTimeOffset.FromUnixTimeMilliseconds(Instant(random)) : null,
            To = Seldom() ? DateTimeOffset.FromUnixTimeMilliseconds(Instant(random)) : null,
            Type = Seldom() ? $"type{random.Next(0, 4)}" : null,
            Category = Seldom() ? $"c{random.Next(0, 6)}" : null,
            SearchRows = Seldom() ? SearchRows(random, rows) : null,
        };
    }

    /// <summary>
    /// An instant over a few weeks around 1970 (so some before it): on a day, an hour or an hour's last millisecond, or
    /// anywhere, so that dates share hours and bounds both fall on hours and cut them.
    /// </summary>
    public static long Instant(Random random) => (random.Next(-3, 20) * 86_400_000L) + (random.Next(4) switch
    {
        0 => 0,
        1 => random.Next(24) * 3_600_000L,
        2 => (random.Next(24) * 3_600_000L) + 3_599_999,
        _ => random.Next(86_400_000),
    });

    // A search's rows: a few, or every other row, as a rare and a common word match.
    private static RowSet SearchRows(Random random, int rows)
    {
        var set = RowSet.Kept(rows);
        var common = random.Next(3) == 0;
        for (var row = 0; row < rows; row++)
        {
            if (common ? random.Next(2) == 0 : random.Next(Math.Max(1, rows / 20)) == 0)
            {
                set.Add(row);
            }
        }

        return set;
    }

    private static NameColumn Names(IEnumerable<string?> values)
    {
        var builder = new NameColumn.Builder();
        foreach (var value in values)
        {
            builder.Add(value);
        }

        return builder.Build();
    }
}
