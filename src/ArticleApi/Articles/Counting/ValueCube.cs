namespace ArticleApi.Articles.Counting;

/// <summary>
/// How many rows of one value (a topic, a provider, or every row) have each combination of published flag, quality
/// rank and heat rank, as prefix sums over the two ranks: the count of a filter of only published, quality and heat
/// (the list's plain filters) is then four look-ups per published flag, whatever the number of rows. Built only when
/// the ranks are few (<see cref="MaxCells"/>), for the values that have rows enough to be worth it.
/// </summary>
internal sealed class ValueCube
{
    /// <summary>The most cells a cube may have: about 100 quality by 100 heat values, three published flags.</summary>
    public const int MaxCells = 3 * 128 * 128;

    // Slot 0 of each rank dimension is "no value", slot r + 1 rank r; _sums[p, i, j] counts the rows of published
    // flag p (0 false, 1 true, 2 none) in quality slots below i and heat slots below j.
    private readonly int[] _sums;
    private readonly int _qualitySlots;
    private readonly int _heatSlots;

    private ValueCube(int[] sums, int qualitySlots, int heatSlots)
    {
        _sums = sums;
        _qualitySlots = qualitySlots;
        _heatSlots = heatSlots;
    }

    /// <summary>Bytes held.</summary>
    public long Bytes => _sums.LongLength * sizeof(int);

    /// <summary>Whether a cube of these columns stays within <see cref="MaxCells"/>.</summary>
    public static bool Fits(ValueColumn quality, ValueColumn heat) => 3L * (quality.Values.Length + 2) * (heat.Values.Length + 2) <= MaxCells;

    /// <summary>The cube of <paramref name="rows"/>.</summary>
    public static ValueCube Build(ReadOnlySpan<int> rows, sbyte[] published, ValueColumn quality, ValueColumn heat)
    {
        var (qualitySlots, heatSlots) = (quality.Values.Length + 1, heat.Values.Length + 1);
        var stride = heatSlots + 1;
        var plane = (qualitySlots + 1) * stride;
        var sums = new int[3 * plane];
        foreach (var row in rows)
        {
            // Published is 1, 0 or negative (ArticleColumns.NoPublished).
            var flag = published[row] < 0 ? 2 : published[row];
            sums[(flag * plane) + ((quality.Ranks[row] + 2) * stride) + heat.Ranks[row] + 2]++;
        }

        // Running sums along heat, then along quality: each cell then counts every cell below and left of it.
        for (var flag = 0; flag < 3; flag++)
        {
            for (var i = 1; i <= qualitySlots; i++)
            {
                for (var j = 1; j <= heatSlots; j++)
                {
                    var at = (flag * plane) + (i * stride) + j;
                    sums[at] += sums[at - 1] + sums[at - stride] - sums[at - stride - 1];
                }
            }
        }

        return new ValueCube(sums, qualitySlots, heatSlots);
    }

    /// <summary>How many of the cube's rows meet <paramref name="terms"/>.</summary>
    public int Count(CubeTerms terms)
    {
        var (qualityLow, qualityHigh) = Slots(terms.Quality, _qualitySlots);
        var (heatLow, heatHigh) = Slots(terms.Heat, _heatSlots);
        if (qualityLow >= qualityHigh || heatLow >= heatHigh)
        {
            return 0;
        }

        var stride = _heatSlots + 1;
        var plane = (_qualitySlots + 1) * stride;
        var count = 0;
        for (var flag = 0; flag < 3; flag++)
        {
            if (terms.Published is { } published && published != flag)
            {
                continue;
            }

            var origin = flag * plane;
            count += _sums[origin + (qualityHigh * stride) + heatHigh] - _sums[origin + (qualityLow * stride) + heatHigh]
                - _sums[origin + (qualityHigh * stride) + heatLow] + _sums[origin + (qualityLow * stride) + heatLow];
        }

        return count;
    }

    // The slots [low, high) of a rank range: every slot, "no value" too, when there is no condition.
    private static (int Low, int High) Slots((int First, int Last)? ranks, int slots) =>
        ranks is var (first, last) ? (first + 1, Math.Max(first + 1, last + 2)) : (0, slots);
}
