using ArticleApi.Articles;
using ArticleApi.Import.Writing;
using ArticleApi.Model;

namespace ArticleApi.Tests.Import.Writing;

/// <summary>The list copies written with each row, in the JSON the read path parses back.</summary>
public sealed class ListColumnsTests
{
    [Fact]
    public void TopicsAreKeptOncePerSlugInTheFilesOrderWithTheFirstSpelling()
    {
        var links = ListColumns.TopicLinks(["Power Apps", "AI", "power apps", "Power-Apps", "Copilot Studio"]);

        Assert.Equal([("Power Apps", "power-apps"), ("AI", "ai"), ("Copilot Studio", "copilot-studio")], links);
        Assert.Equal("""[["Power Apps","power-apps"],["AI","ai"],["Copilot Studio","copilot-studio"]]""", ListColumns.Topics(links));
    }

    [Fact]
    public void TextOutsideAsciiAndQuotesRoundTripThroughTheReader()
    {
        var links = ListColumns.TopicLinks(["Économie \"verte\"", "日本語"]);
        var json = ListColumns.Topics(links);

        Assert.Equal("""[["Économie \"verte\"","economie-verte"],["日本語","topic-""" + links[1].Slug[6..] + "\"]]", json);
        Assert.Equal([new TopicReference("Économie \"verte\"", "economie-verte"), new TopicReference("日本語", links[1].Slug)], ArticleJsonColumns.Topics(json));
    }

    [Fact]
    public void NoTopicsIsNull() => Assert.Null(ListColumns.Topics(ListColumns.TopicLinks([])));

    [Fact]
    public void TheFirstImageIsTheOneAtPositionZeroWithItsSize()
    {
        Image[] images = [new() { Position = 1, Url = "https://example.com/b.png", Width = 10 }, new() { Position = 0, Url = "https://example.com/a.png", Height = 480 }];

        var json = ListColumns.FirstImage(images);

        Assert.Equal("""["https://example.com/a.png",null,480]""", json);
        Assert.Equal(new ImageSummary("https://example.com/a.png", null, 480), ArticleJsonColumns.FirstImage(json));
    }

    [Fact]
    public void NoImageAtPositionZeroIsNull()
    {
        Assert.Null(ListColumns.FirstImage([]));
        Assert.Null(ListColumns.FirstImage([new Image { Position = 1, Url = "https://example.com/b.png" }]));
    }
}
