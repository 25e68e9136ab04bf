using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>
/// The source of a filter's candidates (<see cref="MatchingRows.SmallestSource"/>) is exact, its rows taken without a
/// test, only when it holds the rows of the filter's one condition.
/// </summary>
public sealed class MatchingRowsTests
{
    [Fact]
    public void OnlyTheSourceOfAFiltersOneConditionIsExactAndItsRowsAreThoseThatMatch()
    {
        var random = new Random(2026_12_07);
        var rows = 2000;
        var columns = RandomColumns.Build(random, rows);
        var provider = columns.Provider.Names[0];
        var topic = columns.Topics.Slugs[0];
        foreach (var (filter, exact) in new (ColumnFilter, bool)[]
        {
            (new ColumnFilter { ProviderGroups = [[provider]] }, true),
            (new ColumnFilter { TopicGroups = [[topic]] }, true),
            (new ColumnFilter { Type = columns.Type.Names[0] }, true),
            (new ColumnFilter { ProviderGroups = [[provider]], Published = true }, false),
            (new ColumnFilter { ProviderGroups = [[provider]], TopicGroups = [[topic]] }, false),
            (new ColumnFilter { ProviderGroups = [[provider]], MinQuality = 3 }, false),
            (new ColumnFilter { MinQuality = 3 }, false),
            (new ColumnFilter { ExcludedTopics = [topic] }, false),
        })
        {
            using var test = MatchingRows.For(columns, filter);
            var source = test.SmallestSource();

            Assert.Equal(exact, source.Exact);
            if (exact)
            {
                Assert.Equal(Enumerable.Range(0, rows).Where(test.Matches), source.Rows().Order());
            }
        }
    }
}
