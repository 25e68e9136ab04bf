using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>
/// The date range compared on hours, against the instants themselves: bounds on an hour, an hour's last millisecond,
/// inside one hour, open, before 1970; undated rows never in.
/// </summary>
public sealed class DateBitsTests
{
    private const long Hour = 3_600_000;

    // Rows around three hours (one before 1970): each hour's first and last millisecond, its middle, and the next one.
    private static readonly long[] Instants =
        [.. new[] { -2 * Hour, 0, 5 * Hour }.SelectMany(start => new[] { start - 1, start, start + 1, start + (Hour / 2), start + Hour - 1, start + Hour })];

    public static TheoryData<long, long> Bounds() => new()
    {
        { 0, (5 * Hour) + (Hour / 2) },
        { Hour / 2, (Hour / 2) + 1 },
        { (5 * Hour) + 1, (5 * Hour) + 1 },
        { -2 * Hour, Hour - 1 },
        { (-2 * Hour) + 1, -1 },
        { long.MinValue, 0 },
        { long.MinValue, Hour / 2 },
        { 1, long.MaxValue },
        { 5 * Hour, long.MaxValue },
        { long.MinValue, long.MaxValue },
        { 6 * Hour, 5 * Hour },
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void AWordHasTheDatedRowsWhoseInstantIsWithinTheBounds(long from, long to)
    {
        // Three words' worth of rows, every fifth undated (its instant is meaningless, here one inside every range).
        var rows = 150;
        long[] publishedAt = [.. Enumerable.Range(0, rows).Select(row => Instants[row % Instants.Length])];
        int?[] months = [.. Enumerable.Range(0, rows).Select(row => row % 5 == 4 ? null : (int?)ArticleColumns.MonthOf(publishedAt[row]))];
        var columns = Columns(publishedAt, months);
        var dates = new DateBits(from, to);
        for (var word = 0; word < 3; word++)
        {
            var expected = 0UL;
            for (var row = word * 64; row < Math.Min(rows, (word + 1) * 64); row++)
            {
                expected |= months[row] is not null && publishedAt[row] >= from && publishedAt[row] <= to ? 1UL << (row - (word * 64)) : 0;
            }

            Assert.Equal(expected, dates.Word(columns.Counting.PublishedHours, publishedAt, word));
        }
    }

    [Fact]
    public void AnUndatedRowHasTheHourBelowEveryBoundAndADatedOneItsHourRoundedDown()
    {
        var columns = Columns([-1, 0, Hour - 1, Hour, 123], [ArticleColumns.MonthOf(-1), ArticleColumns.MonthOf(0), 0, 0, null]);
        Assert.Equal([-1, 0, 0, 1, DateBits.Undated], columns.Counting.PublishedHours);
    }

    private static ArticleColumns Columns(long[] publishedAt, int?[] months) => new()
    {
        Keys = [.. Enumerable.Range(1, publishedAt.Length).Select(key => (long)key)],
        Published = [.. publishedAt.Select(_ => (sbyte)1)],
        Quality = ValueColumn.Build([.. publishedAt.Select(_ => (int?)null)]),
        Heat = ValueColumn.Build([.. publishedAt.Select(_ => (int?)null)]),
        Provider = NoNames(publishedAt.Length),
        Type = NoNames(publishedAt.Length),
        Category = NoNames(publishedAt.Length),
        PublishedAt = publishedAt,
        Month = ValueColumn.Build([.. months]),
        Topics = new TopicPostings.Builder().Build(),
        IdRanks = [.. Enumerable.Range(0, publishedAt.Length)],
    };

    private static NameColumn NoNames(int rows)
    {
        var builder = new NameColumn.Builder();
        for (var row = 0; row < rows; row++)
        {
            builder.Add(null);
        }

        return builder.Build();
    }
}
