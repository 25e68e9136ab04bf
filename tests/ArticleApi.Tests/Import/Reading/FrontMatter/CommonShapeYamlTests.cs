using System.Text;
using ArticleApi.Import.Reading.FrontMatter;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Import.Reading.FrontMatter;

/// <summary>
/// The common-shape reader answers only where it gives exactly the general reader's tree (values, plain or quoted,
/// lines and columns), and gives up everywhere else.
/// </summary>
public sealed class CommonShapeYamlTests
{
    private const string Generated = """
        category: news
        title: "Graph identity edge storage storage cloud (42636)"
        excerpt: "Latency edge identity compiler mobile platform cost."
        publishedDateTime: 2025-02-14T06:35:00Z
        originalUrl: "https://news53.example.com/0042636/story"
        webUrl: "https://news53.example.com/0042636/story"
        type: article
        quality: 61
        heat: -1
        published: false

        provider:
          name: Provider 39
          domain: provider39.example.com

        topics:
          - Runtime News
          - Vector News

        images:
          - url: "https://img.example.com/42636.jpg"
            width: 1200
            height: 630
            isCached: true

        related:
          - title: "Open latency pipeline storage compiler pricing mobile"
            publishedDateTime: 2025-02-13T19:35:00Z
            webUrl: "https://news33.example.com/0002749/story"
            provider:
              name: Provider 749
              domain: provider749.example.com
            quality: 54
          - title: "Open data preview release search runtime data"
            type: article

        secured: "XQ90nMpCQgM=;42636"

        """;

    [Fact]
    public void TheGeneratedArticlesShapeIsReadAsTheGeneralReaderReadsIt()
    {
        var fast = CommonShapeYaml.TryRead(Generated, firstLine: 2, FrontMatterLimits.Default);

        Assert.NotNull(fast);
        Assert.Equal(General(Generated), Describe(fast));
    }

    [Theory]
    [InlineData("a: 1\n")]
    [InlineData("a: x\nb:\n  c: d\n  e:\n    - f\n    - g h\n")]
    [InlineData("title: Don't stop, it's [fine] {really}\n")]
    [InlineData("a:    spaced value\n")]
    [InlineData("a: ~\nb: null\nc: \"\"\nd: -\n")]
    [InlineData("a: café, naïve – ünïcödé 😀\n")]
    [InlineData("a:\n- b\n- c\n")]
    [InlineData("a:\n  - b: 1\n    c: 2\n  - d\n")]
    [InlineData("a:\n  -  b\n")]
    [InlineData("a: b\n  c\n")]
    [InlineData("a: b # comment\n")]
    [InlineData("# comment\na: b\n")]
    [InlineData("a: b\na: c\n")]
    [InlineData("a:\nb: c\n")]
    [InlineData("a: &x b\nc: *x\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("a: [1, 2]\n")]
    [InlineData("a: {b: c}\n")]
    [InlineData("a: \"b\\nc\"\n")]
    [InlineData("a: \"b\n  c\"\n")]
    [InlineData("a: 'b'\n")]
    [InlineData("a: |\n  b\n")]
    [InlineData("a: >\n  b\n")]
    [InlineData("a: -1\nb: -x\nc: --1\nd: - e\nf: -.5\n")]
    [InlineData("a: b:\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a:b\n")]
    [InlineData("a : b\n")]
    [InlineData("a: b \n")]
    [InlineData("a: \"b\" c\n")]
    [InlineData("a: b\u2028c\n")]
    [InlineData("a: b\u0085c\n")]
    [InlineData("a: b\uFEFFc\n")]
    [InlineData("a: \u007F\n")]
    [InlineData("  a: b\n")]
    [InlineData("a: b\n  \nc: d\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("plain text\n")]
    [InlineData("a: b\n...\n")]
    [InlineData("%YAML 1.2\n---\na: b\n")]
    [InlineData("a:\n  - - b\n")]
    [InlineData("a:\n  -\n    b: c\n")]
    [InlineData("a:\n  b: c\n   d: e\n")]
    [InlineData("a:\n  b: c\n d: e\n")]
    [InlineData("a: ?b\nc: @d\ne: `f\ng: %h\n")]
    [InlineData("")]
    [InlineData("\n\n")]
    public void AnswersOnlyWhereTheGeneralReaderGivesTheSameTree(string yaml) => AssertSameOrGivesUp(yaml);

    [Theory]
    [InlineData("a: 1\n")]
    [InlineData("a: -1\n")]
    [InlineData("a: x\nb:\n  c: d\n  e:\n    - f\n    - g h\n")]
    [InlineData("a:\n  - b: 1\n    c: 2\n  - d\n")]
    [InlineData("title: Don't stop, it's [fine] {really}\n")]
    [InlineData("a: café, naïve – ünïcödé 😀\n")]
    public void TheCommonShapesAreReadWithoutTheGeneralReader(string yaml) =>
        Assert.NotNull(CommonShapeYaml.TryRead(yaml, firstLine: 2, FrontMatterLimits.Default));

    [Fact]
    public void FilesPastTheLimitsAreLeftToTheGeneralReader()
    {
        Assert.Null(CommonShapeYaml.TryRead(Generated, firstLine: 2, new FrontMatterLimits(MaxNodes: 20)));
        Assert.Null(CommonShapeYaml.TryRead(Generated, firstLine: 2, new FrontMatterLimits(MaxChars: 100)));
        Assert.Null(CommonShapeYaml.TryRead(Generated, firstLine: 2, new FrontMatterLimits(MaxDepth: 3)));
    }

    [Fact]
    public void RandomEditsOfACommonFileAreReadAsTheGeneralReaderReadsThemOrGivenUp()
    {
        const string Characters = " :-#\"\\\n'&*!|>[{,a1\t\u2028\u0085é";
        var random = new Random(17);
        var taken = 0;
        for (var round = 0; round < 3_000; round++)
        {
            var text = new StringBuilder(Generated);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0: text.Insert(at, Characters[random.Next(Characters.Length)]); break;
                    case 1: text.Remove(at, 1); break;
                    default: text[at] = Characters[random.Next(Characters.Length)]; break;
                }
            }

            taken += AssertSameOrGivesUp(text.ToString()) ? 1 : 0;
        }

        // Edits that leave the common shape (a letter changed inside a value) still take the fast way.
        Assert.InRange(taken, 300, 2_900);
    }

    [SkippableFact]
    public void EveryFileOfTheRealCorpusIsReadAsTheGeneralReaderReadsItOrGivenUp()
    {
        Skip.IfNot(Directory.Exists(TestPaths.Corpus), "../shared/corpus is absent beside the repository");
        var (files, taken) = (0, 0);
        foreach (var path in Directory.EnumerateFiles(TestPaths.Corpus, "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(path).TrimStart('\uFEFF');
            if (FrontMatterSplitter.TrySplit(text, out var yaml, out _) && yaml is not null)
            {
                files++;
                taken += AssertSameOrGivesUp(yaml, path) ? 1 : 0;
            }
        }

        Assert.True(taken > files / 2, $"{taken} of {files} files took the fast way");
    }

    /// <summary>True when the fast reader answered (and matched); false when it gave up.</summary>
    private static bool AssertSameOrGivesUp(string yaml, string? what = null)
    {
        var fast = CommonShapeYaml.TryRead(yaml, firstLine: 2, FrontMatterLimits.Default);
        if (fast is null)
        {
            return false;
        }

        Assert.True(General(yaml) == Describe(fast), $"{what ?? yaml}: the fast reader's tree differs from the general reader's");
        return true;
    }

    private static string General(string yaml)
    {
        try
        {
            return Describe(new YamlTreeBuilder(yaml, firstLine: 2, FrontMatterLimits.Default).Build());
        }
        catch (Exception exception)
        {
            return "error: " + exception.Message;
        }
    }

    private static string Describe(YamlNode? node) => node switch
    {
        null => "null",
        YamlScalar scalar => $"{(scalar.IsPlain ? "plain" : "quoted")}@{scalar.Line}:{scalar.Column}[{scalar.Value}]",
        YamlSequence sequence => $"list@{sequence.Line}:{sequence.Column}({string.Join(", ", sequence.Items.Select(Describe))})",
        YamlMap map => $"map@{map.Line}:{map.Column}{{{string.Join(", ", map.Entries.Select(entry => entry.Key + ": " + Describe(entry.Value)))}}}",
        _ => throw new InvalidOperationException("unknown node"),
    };
}
