namespace ArticleApi.Articles.Counting;

/// <summary>
/// What the filters and facets of a list read of every article, one array per field, rows in key order: counting
/// the matches of a filter over a million articles is then a pass over a few arrays in memory (milliseconds) instead
/// of a GROUP BY over the article rows for each new combination of filters (seconds: no index serves every
/// combination). Built from one statement, so it is one consistent snapshot, and kept per data version
/// (<see cref="ArticleColumnsCache"/>). 41 bytes per article and 4 per topic link.
/// </summary>
internal sealed class ArticleColumns
{
    public const sbyte NoPublished = -1;

    /// <summary>Each row's article key, ascending: a search's matching keys find their rows by binary search.</summary>
    public required long[] Keys { get; init; }

    /// <summary>1 published, 0 not, <see cref="NoPublished"/> when the file does not say.</summary>
    public required sbyte[] Published { get; init; }

    public required ValueColumn Quality { get; init; }

    public required ValueColumn Heat { get; init; }

    public required NameColumn Provider { get; init; }

    public required NameColumn Type { get; init; }

    public required NameColumn Category { get; init; }

    /// <summary>publishedDateTime as Unix milliseconds (the stored form); meaningless where the article has no <see cref="Month"/>.</summary>
    public required long[] PublishedAt { get; init; }

    /// <summary>The UTC month of publishedDateTime, as year * 12 + month - 1; none when undated.</summary>
    public required ValueColumn Month { get; init; }

    public required TopicPostings Topics { get; init; }

    public int Count => Keys.Length;

    /// <summary>The row of <paramref name="key"/>, or -1 when no article has it.</summary>
    public int RowOf(long key)
    {
        var row = Array.BinarySearch(Keys, key);
        return row < 0 ? -1 : row;
    }

    /// <summary>The month number (year * 12 + month - 1) of a UTC instant given in Unix milliseconds.</summary>
    public static int MonthOf(long unixMilliseconds)
    {
        var date = DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).UtcDateTime;
        return (date.Year * 12) + date.Month - 1;
    }
}
