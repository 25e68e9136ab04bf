using System.Text;
using ArticleApi.Import.Reading.FrontMatter;

namespace ArticleApi.Tests.Import.Reading.FrontMatter;

public sealed class FrontMatterParserTests
{
    private static readonly FrontMatterParser Parser = new(FrontMatterLimits.Default);

    private static YamlMap ParseMap(string text, out string body)
    {
        var parsed = Assert.IsType<FrontMatterResult.Parsed>(Parser.Parse(text));
        body = parsed.Body;
        return parsed.FrontMatter;
    }

    private static SourceError ParseBroken(string text) => Assert.IsType<FrontMatterResult.Broken>(Parser.Parse(text)).Error;

    [Theory]
    [InlineData("---\ntitle: Hello\n---\n", "")]
    [InlineData("---\r\ntitle: Hello\r\n---\r\nBody\r\n", "Body\r\n")]
    [InlineData("\uFEFF---\ntitle: Hello\n---\nBody", "Body")]
    [InlineData("---\ntitle: Hello\n---", "")]
    [InlineData("---\ntitle: Hello\n---\n\n", "")]
    [InlineData("---\r\ntitle: Hello\r\n---\r\n\r\n \t\r\n", "")]
    [InlineData("---\ntitle: Hello\n---\n\nBody\n", "\nBody\n")]
    [InlineData("---   \ntitle: Hello\n---\t\ntext after\n---\nmore", "text after\n---\nmore")]
    public void SplitsFrontMatterFromBodyWhateverTheLineEnds(string text, string expectedBody)
    {
        var map = ParseMap(text, out var body);

        Assert.Equal("Hello", ((YamlScalar)map["title"]!).Value);
        Assert.Equal(expectedBody, body);
    }

    [Fact]
    public void DashesInsideAQuotedValueAreNotTheDelimiter()
    {
        var map = ParseMap("---\ntitle: \"a\n --- b\"\nurl: \"https://x.org/a---b\"\n---\nbody", out var body);

        Assert.Equal("a --- b", ((YamlScalar)map["title"]!).Value);
        Assert.Equal("https://x.org/a---b", ((YamlScalar)map["url"]!).Value);
        Assert.Equal("body", body);
    }

    [Fact]
    public void QuotedAndPlainScalarsAreTold()
    {
        var map = ParseMap("---\nplain: 42\nquoted: \"42\"\nsingle: 'it''s'\nescaped: \"say \\\"hi\\\"\\nthen\"\n---\n", out _);

        Assert.Equal(new YamlScalar("42", true, 2, 8), map["plain"]);
        Assert.Equal(new YamlScalar("42", false, 3, 9), map["quoted"]);
        Assert.Equal("it's", ((YamlScalar)map["single"]!).Value);
        Assert.Equal("say \"hi\"\nthen", ((YamlScalar)map["escaped"]!).Value);
    }

    [Fact]
    public void BlockScalarsAndTaggedScalarsAreStrings()
    {
        var map = ParseMap("---\nbody: |\n  line one\n  line two\nnum: !!str 12\n---\n", out _);

        Assert.Equal(new YamlScalar("line one\nline two\n", false, 2, 7), map["body"]);
        Assert.False(((YamlScalar)map["num"]!).IsPlain);
    }

    [Theory]
    [InlineData("no front matter here", "no front matter: the first line is not ---")]
    [InlineData("", "no front matter: the first line is not ---")]
    [InlineData("# Title\n---\ntitle: x\n---\n", "no front matter: the first line is not ---")]
    [InlineData("---\n---\nbody", "front matter is empty")]
    [InlineData("---\n- a\n- b\n---\n", "front matter is not a map of keys and values")]
    [InlineData("---\njust text\n---\n", "front matter is not a map of keys and values")]
    public void FilesThatAreNotItemsAreToldWhy(string text, string reason)
    {
        var result = Assert.IsType<FrontMatterResult.NotAnItem>(Parser.Parse(text));

        Assert.Equal(reason, result.Reason);
    }

    [Theory]
    [InlineData("---\ntitle: x\n", 1, 1, "front matter is not closed: no line --- after the opening one")]
    [InlineData("---\ntitle: \"unclosed\nexcerpt: y\n---\n", 2, 8, "invalid YAML: While scanning a multi-line double-quoted scalar, found wrong indentation")]
    [InlineData("---\ntitle: x\n  excerpt: y\n---\n", 3, 10, "invalid YAML: While scanning a plain scalar value, found invalid mapping")]
    [InlineData("---\ntitle: x\n\texcerpt: y\n---\n", 2, 8, "invalid YAML: While scanning a plain scalar, found a tab character that violate indentation")]
    [InlineData("---\ntitle: x\ntitle: y\n---\n", 3, 1, "duplicate key 'title'")]
    [InlineData("---\n? [a, b]\n: c\n---\n", 2, 3, "a key must be a plain string, not a map or a list")]
    [InlineData("---\ntitle: *nowhere\n---\n", 2, 8, "alias *nowhere refers to no anchor")]
    [InlineData("---\ntitle: ok\nexcerpt: \"a\\0b\"\n---\n", 3, 10, "a value holds a NUL character (U+0000), which is not text")]
    public void BrokenFrontMatterFailsWithLineColumnAndReason(string text, int line, int column, string reason)
    {
        Assert.Equal(new SourceError(line, column, reason), ParseBroken(text));
    }

    [Fact]
    public void AnAliasBombIsRejectedNotExpanded()
    {
        var text = new StringBuilder("---\ntitle: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = $"*a{level - 1}";
            text.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n");
        }

        text.Append("---\n");

        var error = ParseBroken(text.ToString());

        Assert.Equal("front matter expands to more than 100000 nodes (aliases counted as expanded)", error.Reason);
        Assert.Equal(7, error.Line);
    }

    [Fact]
    public void ModestAliasesAreAllowed()
    {
        var map = ParseMap("---\ntitle: t\nbase: &b {x: 1}\ncopy: *b\n---\n", out _);

        Assert.Same(map["base"], map["copy"]);
    }

    [Fact]
    public void DeepNestingIsRejected()
    {
        var text = "---\ntitle: t\ndeep: " + new string('[', 100) + new string(']', 100) + "\n---\n";

        Assert.Equal("front matter nests deeper than 64 levels", ParseBroken(text).Reason);
    }

    [Fact]
    public void OneLongStringRepeatedByNestedAliasesFailsBeforeItExpands()
    {
        var big = new string('x', 400_000);
        var tens = string.Join(", ", Enumerable.Repeat("*s", 10));
        var yaml = $"title: bomb\ns: &s \"{big}\"\nl1: &l1 [{tens}]\nl2: &l2 [{string.Join(", ", Enumerable.Repeat("*l1", 10))}]\n"
            + $"l3: &l3 [{string.Join(", ", Enumerable.Repeat("*l2", 10))}]\n";

        var result = Assert.IsType<FrontMatterResult.Broken>(Parser.Parse("---\n" + yaml + "---\n"));

        Assert.Equal(new SourceError(4, 46, "front matter expands to more than 4194304 characters (aliases counted as expanded)"), result.Error);
    }

    [Fact]
    public void BytesThatAreNotUtf8FailWithTheirPlace()
    {
        byte[] bytes = [.. "---\ntitle: caf"u8, 0xE9, .. "\n---\n"u8];

        Assert.Equal(new SourceError(2, 11, "file is not valid UTF-8"), Assert.IsType<FrontMatterResult.Broken>(Parser.Parse(bytes)).Error);
    }

    [Fact]
    public void AByteOrderMarkIsDropped()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "---\ntitle: x\n---\n"u8];

        Assert.IsType<FrontMatterResult.Parsed>(Parser.Parse(bytes));
    }

    [Fact]
    public void MoreThanOneDocumentIsRejected()
    {
        Assert.Equal(new SourceError(3, 1, "front matter holds more than one YAML document"), ParseBroken("---\ntitle: x\n--- y\n---\n"));
    }
}
