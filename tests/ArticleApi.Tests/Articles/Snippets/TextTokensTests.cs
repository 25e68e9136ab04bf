using ArticleApi.Articles.Snippets;

namespace ArticleApi.Tests.Articles.Snippets;

public sealed class TextTokensTests
{
    [Theory]
    [InlineData("Power Apps’ 2024—release: v1.2", "Power|Apps|2024|release|v1|2")]
    [InlineData("  ", "")]
    [InlineData("𝔘nicode 中文 ① 😀 x", "𝔘nicode|中文|①|x")] // a letter beyond the BMP is a word, an emoji is not
    [InlineData("cafe\u0301 na\u0308ive", "cafe\u0301|na\u0308ive")] // a combining mark stays with its letter
    public void SplitsIntoWordsOfLettersAndDigits(string text, string expected)
    {
        var words = TextTokens.Of(text).Select(token => text[token.Start..token.End]);
        Assert.Equal(expected, string.Join('|', words));
    }

    [Theory]
    [InlineData("Kubernetes", "kubernetes")]
    [InlineData("RÉSUMÉ", "resume")]
    [InlineData("cafe\u0301", "cafe")]
    [InlineData("Straße", "straße")]
    public void FoldsCaseAndDiacritics(string word, string expected) => Assert.Equal(expected, TextTokens.Fold(word));
}
