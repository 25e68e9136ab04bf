namespace ArticleApi.Articles.Counting;

/// <summary>
/// Each row's values of a field, to count a few matching rows one at a time: one value per row (an id, -1 for none:
/// provider, type, category), or a list per row (topics), row r's from <c>Starts[r]</c> to <c>Starts[r + 1]</c>.
/// </summary>
internal sealed class RowValues
{
    private readonly int[] _values;
    private readonly int[]? _starts;

    private RowValues(int[] values, int[]? starts)
    {
        _values = values;
        _starts = starts;
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
}
