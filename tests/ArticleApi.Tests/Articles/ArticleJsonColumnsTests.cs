using System.Text.Json;
using ArticleApi.Articles;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// The list columns as both engines write them (SQLite's compact json_array, PostgreSQL's json_build_array with spaces),
/// read into topics and the first image.
/// </summary>
public sealed class ArticleJsonColumnsTests
{
    [Theory]
    [InlineData("""[["Release News","release-news"]]""")]
    [InlineData("""[ [ "Release News" , "release-news" ] ]""")]
    public void TopicsAreReadInOrderFromEitherEnginesText(string json)
    {
        Assert.Equal([new TopicReference("Release News", "release-news")], ArticleJsonColumns.Topics(json));
    }

    [Fact]
    public void TopicsKeepEscapedAndNonAsciiTextAndManyTopicsAreRead()
    {
        var many = Enumerable.Range(0, 40).Select(i => new TopicReference($"Thème \"{i}\" <ü> \\ 🚀", $"theme-{i}")).ToList();
        var json = JsonSerializer.Serialize(many.Select(t => new[] { t.Name, t.Slug }));
        Assert.True(json.Length > 2048, "longer than the stack buffer");

        Assert.Equal(many, ArticleJsonColumns.Topics(json));
        Assert.Equal([new TopicReference("a\u00e9b", "x")], ArticleJsonColumns.Topics("""[["a\u00e9b","x"]]"""));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("[]")]
    public void NoTopicsIsAnEmptyList(string? json) => Assert.Empty(ArticleJsonColumns.Topics(json));

    [Theory]
    [InlineData("""["https://img.example.com/1.jpg",1200,630]""", 1200, 630)]
    [InlineData("""[ "https://img.example.com/1.jpg", null, 630 ]""", null, 630)]
    [InlineData("""["https://img.example.com/1.jpg",null,null]""", null, null)]
    public void TheFirstImageHasItsUrlAndSize(string json, int? width, int? height) =>
        Assert.Equal(new ImageSummary("https://img.example.com/1.jpg", width, height), ArticleJsonColumns.FirstImage(json));

    [Fact]
    public void NoImageIsNull() => Assert.Null(ArticleJsonColumns.FirstImage(null));

    [Theory]
    [InlineData("""[["only a name"]]""")]
    [InlineData("""[["name",7]]""")]
    [InlineData("""[["name","slug"]""")]
    public void ATopicsTextOfAnotherShapeIsAJsonError(string json) =>
        Assert.ThrowsAny<JsonException>(() => ArticleJsonColumns.Topics(json));

    [Theory]
    [InlineData("""["url","wide",3]""")]
    [InlineData("""["url",1]""")]
    public void AnImageTextOfAnotherShapeIsAJsonError(string json) =>
        Assert.ThrowsAny<JsonException>(() => ArticleJsonColumns.FirstImage(json));
}
