using System.Buffers;
using System.Numerics;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// Each row's values of a field, to count a few matching rows one at a time: one value per row (an id, -1 for none:
/// provider, type, category), or a list per row (topics), row r's from <c>Starts[r]</c> to <c>Starts[r + 1]</c>.
/// </summary>
internal sealed class RowValues
{
    private readonly int[] _values;
    private readonly int[]? _starts;

    // One value per row, as id + 1 (0 for none) in two bytes when every id fits: a pass over a broad filter's matches
    // (a plain filter's provider facet) reads every row's value, and half the bytes is half the wait for memory.
    private readonly ushort[]? _narrow;

    // How many counts the narrow ids need: the largest id + 1.
    private readonly int _narrowIds;

    private RowValues(int[] values, int[]? starts)
    {
        _values = values;
        _starts = starts;
        var ids = values.Length == 0 ? 0 : values.Max() + 1;
        if (starts is null && ids <= ushort.MaxValue)
        {
            _narrow = [.. values.Select(id => (ushort)(id + 1))];
            _narrowIds = ids;
        }
    }

    /// <summary>One id per row, -1 for none.</summary>
    public static RowValues One(int[] ids) => new(ids, null);

    /// <summary>Each row's values from each value's rows (ascending), as <see cref="TopicPostings"/> holds them.</summary>
    public static RowValues Invert(int[] valueStarts, int[] rowsOfValues)
    {
        var rowCount = rowsOfValues.Length == 0 ? 0 : rowsOfValues.Max() + 1;
        var starts = new int[rowCount + 1];
        foreach (var row in rowsOfValues)
        {
            starts[row + 1]++;
        }

        for (var row = 0; row < rowCount; row++)
        {
            starts[row + 1] += starts[row];
        }

        var values = new int[rowsOfValues.Length];
        var next = starts[..^1];
        for (var value = 0; value < valueStarts.Length - 1; value++)
        {
            for (var i = valueStarts[value]; i < valueStarts[value + 1]; i++)
            {
                values[next[rowsOfValues[i]]++] = value;
            }
        }

        return new RowValues(values, starts);
    }

    /// <summary>Values per row on average: the cost of counting one matching row, against a value's count.</summary>
    public double PerRow(int rows) => _starts is null ? 1 : (double)_values.Length / Math.Max(1, rows);

    /// <summary>Adds the values of one row to <paramref name="counts"/>, past its first <paramref name="skip"/> of a list (ascending).</summary>
    public void CountRowInto(int[] counts, int row, int skip = 0)
    {
        if (_starts is not { } starts)
        {
            if (_values[row] >= 0)
            {
                counts[_values[row]]++;
            }

            return;
        }

        // Rows past the last one with a value have none.
        if (row >= starts.Length - 1)
        {
            return;
        }

        for (var i = starts[row] + skip; i < starts[row + 1]; i++)
        {
            counts[_values[i]]++;
        }
    }

    /// <summary>Adds each row of <paramref name="rows"/> to the count of each of its values.</summary>
    public void CountInto(int[] counts, RowSet rows)
    {
        var values = _values;
        if (_narrow is { } narrow)
        {
            // The pooled counts below may be longer than asked: an id past the counts would be dropped, not refused.
            ArgumentOutOfRangeException.ThrowIfLessThan(counts.Length, _narrowIds, nameof(counts));
            CountNarrow(narrow, counts, rows);
            return;
        }

        if (_starts is not { } starts)
        {
            foreach (var row in rows)
            {
                if (values[row] >= 0)
                {
                    counts[values[row]]++;
                }
            }

            return;
        }

        foreach (var row in rows)
        {
            // Rows past the last one with a value have none.
            if (row < starts.Length - 1)
            {
                for (var i = starts[row]; i < starts[row + 1]; i++)
                {
                    counts[values[i]]++;
                }
            }
        }
    }

    // A count per id + 1, so that a row without a value adds to slot 0 instead of taking a branch; the ids' slots are
    // then added to the counts.
    private static void CountNarrow(ushort[] narrow, int[] counts, RowSet rows)
    {
        var shifted = ArrayPool<int>.Shared.Rent(counts.Length + 1);
        try
        {
            Array.Clear(shifted, 0, counts.Length + 1);
            var words = rows.Read;
            for (var word = 0; word < words.Length; word++)
            {
                for (var bits = words[word]; bits != 0; bits &= bits - 1)
                {
                    shifted[narrow[(word << 6) + BitOperations.TrailingZeroCount(bits)]]++;
                }
            }

            for (var id = 0; id < counts.Length; id++)
            {
                counts[id] += shifted[id + 1];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(shifted);
        }
    }
}
