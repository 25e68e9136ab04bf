using ArticleApi.Import;
using ArticleApi.Import.Reading;
using ArticleApi.Import.Reading.FrontMatter;

namespace ArticleApi.Tests.Import.Reading;

public sealed class ItemMapperTests
{
    private static FileOutcome Map(string frontMatter, string body = "")
    {
        var parsed = Assert.IsType<FrontMatterResult.Parsed>(new FrontMatterParser(FrontMatterLimits.Default).Parse("---\n" + frontMatter + "\n---\n" + body));
        return ItemMapper.Map(parsed.FrontMatter, parsed.Body);
    }

    private static FileOutcome.Item MapItem(string frontMatter, string body = "") => Assert.IsType<FileOutcome.Item>(Map(frontMatter, body));

    [Fact]
    public void AFullArticleMapsEveryKnownKey()
    {
        var item = MapItem("""
            title: "Hello \"world\""
            excerpt: "An excerpt"
            publishedDateTime: 2021-11-09T11:44:00Z
            originalUrl: "https://example.org/o"
            webUrl: "https://example.org/w"
            ampWebUrl: "https://example.org/amp"
            cdnAmpWebUrl: "https://cdn.example.org/amp"
            type: article
            category: news
            quality: 69
            heat: -1
            published: false
            provider:
              name: Example
              domain: example.org
              images:
                - url: /logo.png
                  width: 50
                  height: 50
              authors:
                - name: ann
            topics:
              - AI in Robotics
              - AI
            images:
              - url: "https://example.org/i.jpg"
                width: 700
                height: 490
                isCached: true
                title: A picture
            secured: "abc;def"
            """, "body text\n");
        var article = item.Article;

        Assert.Equal("Hello \"world\"", article.Title);
        Assert.Equal("An excerpt", article.Excerpt);
        Assert.Equal(new DateTimeOffset(2021, 11, 9, 11, 44, 0, TimeSpan.Zero), article.PublishedDateTime);
        Assert.Equal("https://example.org/w", article.Link);
        Assert.Equal("https://example.org/o", article.OriginalUrl);
        Assert.Equal("https://example.org/amp", article.AmpWebUrl);
        Assert.Equal("https://cdn.example.org/amp", article.CdnAmpWebUrl);
        Assert.Equal(("article", "news", 69, -1, false), (article.Type, article.Category, article.Quality, article.Heat, article.Published));
        Assert.Equal(("example.org", "Example"), (article.ProviderDomain, article.ProviderName));
        Assert.Equal("""{"authors":[{"name":"ann"}]}""", article.ProviderExtra);
        var logo = Assert.Single(article.ProviderImages);
        Assert.Equal(("/logo.png", 50, 50), (logo.Url, logo.Width, logo.Height));
        Assert.Equal(["AI in Robotics", "AI"], item.TopicNames);
        var image = Assert.Single(article.Images);
        Assert.Equal(("https://example.org/i.jpg", 700, 490, true, "A picture"), (image.Url, image.Width, image.Height, image.IsCached, image.Title));
        Assert.Equal("abc;def", article.Secured);
        Assert.Equal("body text\n", article.Body);
        Assert.Null(article.Extra);
    }

    [Fact]
    public void UnknownKeysAreKeptAsJsonWithYamlTypes()
    {
        var article = MapItem("""
            title: Course
            price: Free
            length: PT1H
            levels: [Beginner, Intermediate]
            ratings: {count: 120, average: 4.6}
            removed: true
            quotedNumber: "12"
            nothing: ~
            items:
              - courses/a
            """).Article;

        Assert.Equal(
            """{"price":"Free","length":"PT1H","levels":["Beginner","Intermediate"],"ratings":{"count":120,"average":4.6},"removed":true,"quotedNumber":"12","nothing":null,"items":["courses/a"]}""",
            article.Extra);
    }

    [Fact]
    public void TheLinkFallsBackToOriginalUrl()
    {
        var article = MapItem("title: Video\noriginalUrl: https://v.example/1\n").Article;

        Assert.Null(article.WebUrl);
        Assert.Equal("https://v.example/1", article.Link);
    }

    [Theory]
    [InlineData("2021-11-09T11:44:00+02:00", "2021-11-09T09:44:00.0000000+00:00")]
    [InlineData("2021-11-09T11:44:00.250Z", "2021-11-09T11:44:00.2500000+00:00")]
    [InlineData("2021-11-09 11:44:00", "2021-11-09T11:44:00.0000000+00:00")]
    [InlineData("2021-11-09", "2021-11-09T00:00:00.0000000+00:00")]
    [InlineData("\"2021-11-09T11:44:00Z\"", "2021-11-09T11:44:00.0000000+00:00")]
    public void InstantsAreReadWithOrWithoutOffsetAsUtc(string written, string expected)
    {
        var article = MapItem($"title: t\npublishedDateTime: {written}\n").Article;

        Assert.Equal(expected, article.PublishedDateTime!.Value.ToString("O"));
    }

    [Fact]
    public void RelatedItemsAreSmallArticles()
    {
        var article = MapItem("""
            title: t
            related:
              - title: "Other"
                excerpt: "Other excerpt"
                publishedDateTime: 2021-11-09T09:30:00Z
                webUrl: "https://other.example/a"
                type: article
                provider:
                  name: Other
                  domain: other.example
                  twitter: "@other"
                quality: 89
                images:
                  - url: "https://other.example/i.jpg"
                    width: 1200
                    height: 800
                    isCached: true
                score: 3
            """).Article;

        var related = Assert.Single(article.Related);
        Assert.Equal(("Other", "Other excerpt", "https://other.example/a", "article", 89), (related.Title, related.Excerpt, related.WebUrl, related.Type, related.Quality));
        Assert.Equal(("Other", "other.example"), (related.ProviderName, related.ProviderDomain));
        Assert.Equal(1200, Assert.Single(related.Images).Width);
        Assert.Equal("""{"score":3,"provider":{"twitter":"@other"}}""", related.Extra);
    }

    [Theory]
    [InlineData("name: Someone\nbio: A person\n", "no title: not an item (a profile, a README or another page)")]
    [InlineData("title:\n", "no title: not an item (a profile, a README or another page)")]
    [InlineData("title: \"  \"\n", "title is empty: not an item")]
    public void WithoutATitleAFileIsNotAnItem(string frontMatter, string reason)
    {
        Assert.Equal(reason, Assert.IsType<FileOutcome.Skipped>(Map(frontMatter)).Reason);
    }

    [Theory]
    [InlineData("title: t\nquality: high\n", 3, 10, "quality must be an integer, got 'high'")]
    [InlineData("title: t\nquality: \"45\"\n", 3, 10, "quality must be an integer, got '45'")]
    [InlineData("title: t\nquality: 4.5\n", 3, 10, "quality must be an integer, got '4.5'")]
    [InlineData("title: t\nquality: -3\n", 3, 10, "quality must be at least 0, got -3")]
    [InlineData("title: t\nheat: -2\n", 3, 7, "heat must be at least -1, got -2")]
    [InlineData("title: t\npublished: yes\n", 3, 12, "published must be true or false, got 'yes'")]
    [InlineData("title: t\npublishedDateTime: last tuesday\n", 3, 20, "publishedDateTime must be a date-time such as 2021-11-09T11:44:00Z, got 'last tuesday'")]
    [InlineData("title: [a, b]\n", 2, 8, "title must be a string, got a list")]
    [InlineData("title: t\nprovider: Example\n", 3, 11, "provider must be a map of keys and values, got 'Example'")]
    [InlineData("title: t\nimages:\n  - width: 3\n", 4, 5, "images[0].url is required")]
    [InlineData("title: t\nimages:\n  - url: x\n    width: wide\n", 5, 12, "images[0].width must be an integer, got 'wide'")]
    [InlineData("title: t\nrelated:\n  - title: r\n    quality: q\n", 5, 14, "related[0].quality must be an integer, got 'q'")]
    [InlineData("title: t\ntopics:\n  - {name: x}\n", 4, 5, "topics[] must be a string, got a map")]
    public void ValuesOfTheWrongTypeOrRangeFailWithTheirPlace(string frontMatter, int line, int column, string reason)
    {
        var failed = Assert.IsType<FileOutcome.Failed>(Map(frontMatter));
        Assert.Equal(new SourceError(line, column, reason), new SourceError(failed.Line, failed.Column, failed.Reason));
    }

    [Theory]
    [InlineData("2025-01-31T08:00:00.123456789Z", "2025-01-31T08:00:00.1234568+00:00")]
    [InlineData("2025-01-31T08:00:00.12345674999Z", "2025-01-31T08:00:00.1234567+00:00")]
    [InlineData("2025-01-31T08:00:00.999999999+01:00", "2025-01-31T07:00:01.0000000+00:00")]
    public void FractionsOfASecondLongerThanSevenDigitsAreRoundedToTheNearestTick(string written, string expected)
    {
        var item = MapItem($"title: T\npublishedDateTime: {written}");

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), item.Article.PublishedDateTime);
    }
}
