using System.Globalization;
using System.Numerics;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// Counts per value of each facet over a set of matching rows. Topic, provider, type and category: the most frequent
/// values; published: true and false; quality and heat: ranges of ten; month and year: the UTC calendar periods of
/// publishedDateTime, newest first. Values no matching article has are left out; so are articles without the field.
/// </summary>
internal static class FacetTally
{
    public const int TopValues = TopCounts.Limit;

    /// <summary>Width of the quality and heat ranges counted by their facets.</summary>
    public const int BucketWidth = 10;

    /// <summary>
    /// How many months the month facet lists: the newest ones with articles (<c>to</c> reaches further back). Years are
    /// all listed: there are as many as the span of the articles, a few dozen at most, and a timeline wants every one.
    /// </summary>
    public const int NewestMonths = 24;

    /// <summary>The facets of <paramref name="rows"/>, the matches of <paramref name="filter"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Count(ArticleColumns columns, ColumnFilter filter, RowSet rows, IReadOnlyList<string> facets)
    {
        var terms = CubeTerms.Of(filter, columns.Quality, columns.Heat);
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        var named = terms is null ? NamedFacets.CountAtOnce(columns, rows, facets) : null;
        foreach (var facet in facets)
        {
            result[facet] = named?.GetValueOrDefault(facet) ?? facet switch
            {
                "topic" => TopCounts.Count(columns.Topics.Slugs, columns.Counting.Topics, rows, terms, columns.Topics.PerRow),
                "provider" => TopCounts.Count(columns.Provider.Names, columns.Counting.Provider, rows, terms, columns.Provider.PerRow),
                "type" => TopCounts.Count(columns.Type.Names, columns.Counting.Type, rows, terms, columns.Type.PerRow),
                "category" => TopCounts.Count(columns.Category.Names, columns.Counting.Category, rows, terms, columns.Category.PerRow),
                "published" => columns.Counting.All is { } all && terms is { } plain ? PublishedFromCube(all, plain)
                    : filter.Published is { } only ? PublishedAsFiltered(only, rows.Count)
                    : Flags(rows.Positions is { } positions ? positions.CountFlags() : CountFlags(columns, rows)),
                "quality" => Buckets(columns.Quality, rows),
                "heat" => Buckets(columns.Heat, rows),
                "month" => Periods(columns.Month, rows, month => string.Create(CultureInfo.InvariantCulture, $"{month / 12:D4}-{(month % 12) + 1:D2}"), NewestMonths),
                "year" => Periods(columns.Month, rows, month => (month / 12).ToString("D4", CultureInfo.InvariantCulture), int.MaxValue),
                _ => throw new ArgumentOutOfRangeException(nameof(facets), facet, "Not a facet."),
            };
        }

        return result;
    }

    // The published and unpublished matches of a plain filter: two look-ups in the cube of every row.
    private static List<FacetValue> PublishedFromCube(ValueCube all, CubeTerms terms) =>
        Flags((terms.Published is null or 1 ? all.Count(terms with { Published = 1 }) : 0, terms.Published is null or 0 ? all.Count(terms with { Published = 0 }) : 0));

    // A filter on the flag leaves only its own value among the matches: the facet is their count, no row read.
    private static List<FacetValue> PublishedAsFiltered(bool published, int matches) =>
        Flags(published ? (matches, 0) : (0, matches));

    // The published facet from the published and the unpublished matches' counts.
    private static List<FacetValue> Flags((int Published, int Unpublished) counts) =>
        TopCounts.Top([new FacetValue("false", counts.Unpublished), new FacetValue("true", counts.Published)]);

    // Each word of the matches against the words of the published and unpublished rows: two ANDs and popcounts. A set
    // read from copied columns counts the flags copied beside its rows instead (SourcePositions.CountFlags): a pass
    // over the source's words, not over every row's.
    private static (int Published, int Unpublished) CountFlags(ArticleColumns columns, RowSet rows)
    {
        var (published, unpublished) = (0, 0);
        var (yes, no) = (columns.Counting.PublishedRows, columns.Counting.UnpublishedRows);
        var words = rows.Read;
        for (var word = 0; word < words.Length; word++)
        {
            if (words[word] is var matches and not 0)
            {
                published += BitOperations.PopCount(matches & yes[word]);
                unpublished += BitOperations.PopCount(matches & no[word]);
            }
        }

        return (published, unpublished);
    }

    /// <summary>Per value, how many rows have it, indexed by the value's rank.</summary>
    private static int[] PerValue(ValueColumn column, RowSet rows)
    {
        var counts = new int[column.Values.Length];
        foreach (var row in rows)
        {
            if (column.Ranks[row] is var rank and not ValueColumn.None)
            {
                counts[rank]++;
            }
        }

        return counts;
    }

    /// <summary>
    /// Counts per range of <see cref="BucketWidth"/> (<c>0-9</c>, <c>10-19</c>, ...; heat's -1, unknown, and any other
    /// negative value count as <c>-1</c>), lowest first: the shape a histogram or a range slider wants.
    /// </summary>
    private static List<FacetValue> Buckets(ValueColumn column, RowSet rows)
    {
        var perValue = PerValue(column, rows);
        return [.. column.Values.Select((value, rank) => (Bucket: value < 0 ? -1 : value / BucketWidth, Count: perValue[rank]))
            .Where(v => v.Count > 0)
            .GroupBy(v => v.Bucket)
            .OrderBy(g => g.Key)
            .Select(g => new FacetValue(
                g.Key < 0 ? "-1" : string.Create(CultureInfo.InvariantCulture, $"{(long)g.Key * BucketWidth}-{((long)g.Key * BucketWidth) + BucketWidth - 1}"),
                g.Sum(v => v.Count)))];
    }

    /// <summary>Counts per period, newest first (what a reader of news scans), at most <paramref name="newest"/>; undated articles left out.</summary>
    private static List<FacetValue> Periods(ValueColumn months, RowSet rows, Func<int, string> period, int newest)
    {
        var perMonth = PerValue(months, rows);
        return [.. months.Values.Select((month, rank) => (Period: period(month), Count: perMonth[rank]))
            .Where(m => m.Count > 0)
            .GroupBy(m => m.Period, StringComparer.Ordinal)
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Take(newest)
            .Select(g => new FacetValue(g.Key, g.Sum(m => m.Count)))];
    }
}
