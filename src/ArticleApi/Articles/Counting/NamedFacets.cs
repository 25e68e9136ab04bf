using System.Buffers;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// The facets of named values (topic, provider, type, category) that no cube answers, counted together in one pass
/// over the matching rows' <see cref="FacetRecords"/> when that costs less than counting each facet on its own
/// (<see cref="TopCounts"/>): four facets of a few thousand matches were four scattered reads per row, and most of a
/// scoped facet request's time.
/// </summary>
internal static class NamedFacets
{
    /// <summary>
    /// The facets of <paramref name="facets"/> that name values and cost less in one pass than apart, counted at once;
    /// null when none does. A facet missing from the result is counted apart.
    /// </summary>
    public static Dictionary<string, IReadOnlyList<FacetValue>>? CountAtOnce(ArticleColumns columns, RowSet rows, IReadOnlyList<string> facets)
    {
        var asked = facets.Where(facet => Field(columns, facet) is not null).Distinct(StringComparer.Ordinal).ToList();
        if (columns.Counting.Records is not { } records || asked.Count == 0)
        {
            return null;
        }

        var (matches, wordsPerRow) = (rows.Count, rows.WordCount * 64);
        // In the pass, a facet costs an increment per value of each matching row; apart, what TopCounts would spend. A
        // facet of few values with bitmaps (a type every article has) is cheaper apart: a popcount over the words, where
        // the pass would add to one counter row after row, each increment waiting for the one before.
        var costs = asked.Select(facet =>
        {
            var (_, values, perRow) = Field(columns, facet)!.Value;
            return (Facet: facet, Increments: matches * perRow.PerRow(wordsPerRow), Apart: TopCounts.Cost(values, perRow, matches, rows.WordCount));
        }).ToList();
        var together = costs.Where(cost => (long)cost.Increments < cost.Apart).ToList();
        // One record read per matching row whatever the facets counted in the pass, and an increment per value counted.
        var pass = (matches * TopCounts.LookupCost) + together.Sum(cost => cost.Increments);
        var apart = together.Sum(cost => cost.Apart);
        if (together.Count == 0 || pass >= apart)
        {
            return null;
        }

        // A slot past the names for the rows without a value; null for a facet left to TopCounts. Rented: thousands of
        // providers' counts were most of the bytes a facet count allocated.
        var counts = together.ToDictionary(cost => cost.Facet, cost => Rent(Field(columns, cost.Facet)!.Value.Names.Length + 1), StringComparer.Ordinal);
        try
        {
            records.CountInto(rows, counts.GetValueOrDefault("provider"), counts.GetValueOrDefault("type"), counts.GetValueOrDefault("category"), counts.GetValueOrDefault("topic"));
            return counts.ToDictionary(
                count => count.Key, count => (IReadOnlyList<FacetValue>)TopCounts.FromCounts(Field(columns, count.Key)!.Value.Names, count.Value), StringComparer.Ordinal);
        }
        finally
        {
            foreach (var count in counts.Values)
            {
                ArrayPool<int>.Shared.Return(count);
            }
        }
    }

    // Zeroed counts, maybe longer than asked: only the first length are read.
    private static int[] Rent(int length)
    {
        var counts = ArrayPool<int>.Shared.Rent(length);
        Array.Clear(counts, 0, length);
        return counts;
    }

    private static (string[] Names, ValueIndex Values, RowValues PerRow)? Field(ArticleColumns columns, string facet) => facet switch
    {
        "topic" => (columns.Topics.Slugs, columns.Counting.Topics, columns.Topics.PerRow),
        "provider" => (columns.Provider.Names, columns.Counting.Provider, columns.Provider.PerRow),
        "type" => (columns.Type.Names, columns.Counting.Type, columns.Type.PerRow),
        "category" => (columns.Category.Names, columns.Counting.Category, columns.Category.PerRow),
        _ => null,
    };
}
