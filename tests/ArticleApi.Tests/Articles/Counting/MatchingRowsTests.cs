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

    [Fact]
    public void ATopicGroupIsMarkedOnlyWhenItsRowsAreRead()
    {
        var columns = RandomColumns.Build(new Random(2026_12_08), 2000);
        // A topic of few rows, whose copied columns the matches are read from.
        var topic = columns.Topics.Slugs.Where(slug => columns.Topics.Rows(slug).Length > 0).MinBy(slug => columns.Topics.Rows(slug).Length)!;
        var topicRows = columns.Topics.Rows(topic).ToArray();
        var filter = new ColumnFilter { TopicGroups = [[topic]], Published = true };
        using var test = MatchingRows.For(columns, filter);

        // Weighed as the source, then matched from the topic's copies: its rows are never marked.
        Assert.Equal(topicRows.Length, test.SmallestSource().Size);
        Assert.NotNull(test.Projected);
        using var matches = FilterMatches.Select(columns, filter, test);
        Assert.Equal(0, test.MarkedTopicGroups);

        // A row tested on its own reads them, as does the source's walk; they are the topic's.
        var expected = topicRows.Where(row => columns.Published[row] == 1).Order().ToList();
        Assert.Equal(expected, Enumerable.Range(0, columns.Count).Where(test.Matches));
        Assert.Equal(1, test.MarkedTopicGroups);
        Assert.Equal(expected, matches.RowList());
        Assert.Equal(topicRows.Order(), test.SmallestSource().Rows());
    }
}
