using ArticleApi.Articles;
using ArticleApi.Articles.Counting;
using ArticleApi.Tests.Articles.Counting;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// A search's keys become the rows of the columns: in order or not, close together or far apart, with keys the
/// columns do not have (articles imported after they were read) left out.
/// </summary>
public sealed class SearchRowsMarkTests
{
    [Fact]
    public void EveryKeyTheColumnsHaveIsMarkedAndNoOther()
    {
        var random = new Random(20261206);
        for (var draw = 0; draw < 300; draw++)
        {
            var rows = random.Next(1, 3000);
            var columns = RandomColumns.Build(random, rows); // keys 1, 3, 5, ...: even keys are no article's
            var density = random.NextDouble();
            var keys = Enumerable.Range(0, (2 * rows) + 200).Select(key => (long)key - 50).Where(_ => random.NextDouble() < density).ToList();
            if (random.Next(3) == 0)
            {
                keys = [.. keys.OrderBy(_ => random.Next())]; // an engine that gives no order
            }

            using var marked = SearchRowsCache.Mark(new RowSet(rows), columns, keys);

            var expected = keys.Select(columns.RowOf).Where(row => row >= 0).Order().ToList();
            Assert.Equal(expected, marked.RowList());
        }
    }
}
