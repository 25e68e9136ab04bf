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
    }
}
