using ArticleApi.Import;
using ArticleApi.Import.Reading;

namespace ArticleApi.Tests.Import.Reading;

public sealed class ArticleIdentityTests
{
    [Theory]
    [InlineData("ai/_news/2021-11-09-nvidia-teaching-kits.md", "ai-news-2021-11-09-nvidia-teaching-kits")]
    [InlineData("powerapps/_learning/videos/Intro To Canvas.markdown", "powerapps-learning-videos-intro-to-canvas")]
    [InlineData("Café/Résumé.md", "cafe-resume")]
    [InlineData("___.md", "item")]
    public void AnIdIsTheSlugOfTheRelativePathWithoutExtension(string path, string id)
    {
        Assert.Equal(id, ArticleIdentity.PlainId(path));
    }

    [Theory]
    [InlineData("AI in Robotics", "ai-in-robotics")]
    [InlineData("  Power Apps!  ", "power-apps")]
    [InlineData("C#/.NET", "c-net")]
    public void TopicSlugsAreLowercaseWordsJoinedByDashes(string name, string slug)
    {
        Assert.Equal(slug, Slug.ForTopic(name));
    }

    [Fact]
    public void ATopicWithoutLettersStillGetsASlug()
    {
        Assert.Matches("^topic-[0-9a-f]{8}$", Slug.ForTopic("!!!"));
    }
}
