using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

public sealed class TopicPostingsTests
{
    [Fact]
    public void EachSlugOfAListCopyListsTheRowsNamingItOnceInOrder()
    {
        var builder = new TopicPostings.Builder();
        var slugs = new ArticleColumnsLoader.SlugReader();
        slugs.Add("""[["AI","ai"],["Cloud \"News\"","cloud-news"]]""", 0, builder);
        slugs.Add("""[["Künstliche Intelligenz","künstliche-intelligenz"],["ai","ai"],["AI again","ai"]]""", 1, builder);
        slugs.Add("""[["\u00e9t\u00e9","\u00e9t\u00e9"],[null,"ai"]]""", 3, builder);
        var topics = builder.Build();

        Assert.Equal(["ai", "cloud-news", "künstliche-intelligenz", "été"], topics.Slugs);
        Assert.Equal([0, 1, 3], topics.Rows("ai").ToArray());
        Assert.Equal([0], topics.Rows("cloud-news").ToArray());
        Assert.Equal([1], topics.Rows("künstliche-intelligenz").ToArray());
        Assert.Equal([3], topics.Rows("été").ToArray());
        Assert.Empty(topics.Rows("AI").ToArray());
        Assert.Equal(6, topics.LinkCount);

        // Each row's topics, counted row by row: row 2 names none, row 3 two; rows past the last name none.
        var counts = new int[topics.Slugs.Length];
        using var rows = new RowSet(6);
        rows.AddAll([0, 1, 2, 3, 5]);
        topics.PerRow.CountInto(counts, rows);
        Assert.Equal([3, 1, 1, 1], counts);
    }

    [Fact]
    public void EachRowsValuesCountedRowByRowAreTheValuesRowsCountedValueByValue()
    {
        var random = new Random(6);
        for (var draw = 0; draw < 50; draw++)
        {
            var rowCount = random.Next(1, 500);
            var builder = new TopicPostings.Builder();
            for (var row = 0; row < rowCount; row++)
            {
                foreach (var topic in Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(0, 12)).Distinct().Order())
                {
                    builder.Add(row, $"t{topic}");
                }
            }

            var topics = builder.Build();
            using var matches = new RowSet(rowCount);
            matches.AddAll([.. Enumerable.Range(0, rowCount).Where(_ => random.Next(3) == 0)]);
            var counts = new int[topics.Slugs.Length];
            topics.PerRow.CountInto(counts, matches);

            Assert.Equal(topics.Slugs.Select(slug => matches.CountOf(topics.Rows(slug))), counts);
        }
    }
}
