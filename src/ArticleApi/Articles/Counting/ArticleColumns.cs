using ArticleApi.Model;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// What the filters and facets of a list read of every article, one array per field, rows numbered in date order
/// (<see cref="RowNumbering"/>; <see cref="ByKey"/> finds a key's row): counting the matches of a filter over a million
/// articles is then a pass over a few arrays in memory (milliseconds) instead of a GROUP BY over the article rows for
/// each new combination of filters (seconds: no index serves every combination), and a page of any filter in any order
/// is a short walk of a <see cref="RowOrder"/>. Kept per data version (<see cref="ArticleColumnsCache"/>). 111 bytes
/// per article (12 of them for <see cref="ByKey"/>) and 8 per topic link (each row's topics as well as each topic's
/// rows), plus the <see cref="Counting"/> index: 17¼ bytes per article, 1/8 byte per article per common topic,
/// provider, type or category, 7 bytes per row of any value held by at most half the articles, and up to about 12 MB
/// of cubes whatever the number of articles (about 61 bytes per article at the generated 1,000,000 articles, 172 with
/// the columns).
/// </summary>
internal sealed class ArticleColumns
{
    public const sbyte NoPublished = -1;

    private readonly Lazy<RowOrder[]> _orders;
    private readonly Lazy<KeyRows> _byKey;
    private readonly Lock _countingLock = new();
    private CountingIndex? _counting;

    public ArticleColumns()
    {
        _orders = new(
            () => [.. Enum.GetValues<OrderField>().Select(field => RowOrder.Build(Count, field, row => Position(field, row)))],
            LazyThreadSafetyMode.ExecutionAndPublication);
        // Keys is required: set by the initializer, before any ask.
        _byKey = new(() => KeyRows.Of(Keys!), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Each row's article key, in no order (<see cref="ByKey"/> holds them ascending).</summary>
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

    /// <summary>Each row's place among the articles' ids in code-point order: the tie-break of every list order.</summary>
    public required int[] IdRanks { get; init; }

    public int Count => Keys.Length;

    /// <summary>The narrow ranks and bitmaps that filters and facets count with, built at the first ask.</summary>
    public CountingIndex Counting
    {
        get
        {
            if (Volatile.Read(ref _counting) is { } counting)
            {
                return counting;
            }

            lock (_countingLock)
            {
                return _counting ??= CountingIndex.Build(
                    Count, Published, Quality, Heat, PublishedAt, Month, Topics, Provider, Type, Category, Order(OrderField.PublishedAt).Rows);
            }
        }
    }

    /// <summary>The rows in the list order of <paramref name="field"/>, built for all fields at the first ask.</summary>
    public RowOrder Order(OrderField field) => _orders.Value[(int)field];

    /// <summary>Where <paramref name="row"/> stands in the list order of <paramref name="field"/>.</summary>
    public RowPosition Position(OrderField field, int row)
    {
        var dated = Month.Ranks[row] != ValueColumn.None;
        switch (field)
        {
            case OrderField.PublishedAt:
                return new RowPosition(dated, dated ? PublishedAt[row] : 0, 0, IdRanks[row]);
            case OrderField.Popularity:
                var recency = dated ? PublishedAt[row] : ArticleConfiguration.UndatedRecency;
                return Heat.ValueOf(row) is { } heat ? new RowPosition(true, heat, recency, IdRanks[row]) : new RowPosition(false, 0, recency, IdRanks[row]);
            default:
                var value = (field == OrderField.Quality ? Quality : Heat).ValueOf(row);
                return new RowPosition(value.HasValue, value ?? 0, 0, IdRanks[row]);
        }
    }

    /// <summary>The rows by key, built at the first ask.</summary>
    public KeyRows ByKey => _byKey.Value;

    /// <summary>The row of <paramref name="key"/>, or -1 when no article has it.</summary>
    public int RowOf(long key) => ByKey.RowOf(key);

    /// <summary>The month number (year * 12 + month - 1) of a UTC instant given in Unix milliseconds.</summary>
    public static int MonthOf(long unixMilliseconds)
    {
        var date = DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).UtcDateTime;
        return (date.Year * 12) + date.Month - 1;
    }
}
