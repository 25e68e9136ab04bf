using ArticleApi.Articles.Snippets;
using ArticleApi.Data;

namespace ArticleApi.Tests.Articles.Snippets;

/// <summary>
/// Snippets built in the process, each expected string being what FTS5's <c>snippet(t, -1, '&lt;mark&gt;',
/// '&lt;/mark&gt;', '…', 16)</c> returns for the same row and search (sqlite3 3.40, unicode61 remove_diacritics 2).
/// </summary>
public sealed class SearchSnippetTests
{
    private const string Counting = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty quantum twentyone twentytwo twentythree twentyfour twentyfive twentysix twentyseven.";
    private const string Sentences = "One two three four five six seven eight nine ten. Eleven twelve thirteen fourteen fifteen sixteen quantum seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive twentysix.";
    private const string Edge = "Edge clusters run Kubernetes close to users, with cloud control planes for the fleet.";
    private const string Pricing = "Edge and cloud: one two three four five six seven eight nine ten eleven twelve thirteen fourteen pricing chip fifteen sixteen.";
    private const string Licence = "The code is released under the MIT licence, which lets anyone reuse it. More text follows here to make the body long enough for a window.";

    [Theory]
    // A short field is shown whole, a phrase marked once.
    [InlineData("\"fast cold starts\"", (int)SearchFields.Default, "Serverless containers finally get fast cold starts", "Snapshot-based startup.", null,
        "Serverless containers finally get <mark>fast cold starts</mark>")]
    // A window centred on the match, slid back from the field's end; the end's own text kept.
    [InlineData("quantum", (int)SearchFields.Default, "Weekly roundup", Counting, null,
        "…thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty <mark>quantum</mark> twentyone twentytwo twentythree twentyfour twentyfive twentysix twentyseven.")]
    // From the start of the match's sentence.
    [InlineData("quantum", (int)SearchFields.Default, "Weekly roundup", Sentences, null,
        "…Eleven twelve thirteen fourteen fifteen sixteen <mark>quantum</mark> seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive…")]
    // A prefix; the title before the excerpt when both match as well.
    [InlineData("kube*", (int)SearchFields.Default, "Kubernetes at the edge", Edge, null, "<mark>Kubernetes</mark> at the edge")]
    [InlineData("edge", (int)SearchFields.Default, "Kubernetes at the edge", Edge, null, "Kubernetes at the <mark>edge</mark>")]
    // A match at the start of a long field earns no bonus for a sentence starting there: the title's two matches win.
    [InlineData("compiler", (int)SearchFields.Default, "Compiler database vector kubernetes storage compiler search",
        "Compiler kubernetes data graph training edge platform kubernetes privacy robot storage runtime inference privacy stream data cloud.", null,
        "<mark>Compiler</mark> database vector kubernetes storage <mark>compiler</mark> search")]
    // Only the fields searched; an excluded word is not marked.
    [InlineData("kubernetes cloud", (int)SearchFields.Excerpt, "Kubernetes at the edge", Edge, null,
        "Edge clusters run <mark>Kubernetes</mark> close to users, with <mark>cloud</mark> control planes for the fleet.")]
    [InlineData("cloud -fleets", (int)SearchFields.Default, "Kubernetes at the edge", Edge, null,
        "Edge clusters run Kubernetes close to users, with <mark>cloud</mark> control planes for the fleet.")]
    // Case and diacritics folded either way.
    [InlineData("cafe", (int)SearchFields.Default, "Café culture and CAFE menus", "Naïve résumé of the café scene.", null, "<mark>Café</mark> culture and <mark>CAFE</mark> menus")]
    [InlineData("RÉSUMÉ", (int)SearchFields.Excerpt, "Café culture and CAFE menus", "Naïve resume of the café scene.", null, "Naïve <mark>resume</mark> of the café scene.")]
    // Two words side by side are two marks; a window from the field's start wins with its bonus.
    [InlineData("\"pricing chip\"", (int)SearchFields.Default, "Cloud news", Pricing, null,
        "…one two three four five six seven eight nine ten eleven twelve thirteen fourteen <mark>pricing chip</mark>…")]
    [InlineData("edge cloud", (int)SearchFields.Default, "Cloud news", Pricing, null,
        "<mark>Edge</mark> and <mark>cloud</mark>: one two three four five six seven eight nine ten eleven twelve thirteen…")]
    // The body when it is searched and only it matches.
    [InlineData("mit", (int)SearchFields.All, "Licensing", "A short excerpt.", Licence,
        "The code is released under the <mark>MIT</mark> licence, which lets anyone reuse it. More text follows…")]
    public void MatchesFts5(string q, int fields, string title, string? excerpt, string? body, string expected)
    {
        var query = FullTextQueryParser.Parse(q, out var error)! with { Fields = (SearchFields)fields };
        Assert.Null(error);
        Assert.Equal(expected, SearchSnippet.Build(new SnippetTerms(query), (SearchFields)fields, title, excerpt, body));
    }

    [Fact]
    public void APhraseCutByTheWindowIsMarkedUpToItsEdge()
    {
        var excerpt = "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 pricing chip w18 w19 w20.";
        var query = FullTextQueryParser.Parse("\"pricing chip\"", out _)!;
        Assert.Equal("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 <mark>pricing</mark>…", SearchSnippet.Build(new SnippetTerms(query), SearchFields.Default, "Other", excerpt, null));
    }

    [Fact]
    public void ARowWhereNoTermIsFoundGetsItsExcerptsFirstWordsUnmarked()
    {
        var query = FullTextQueryParser.Parse("absent", out _)!;
        Assert.Equal("Edge clusters run Kubernetes close to users, with cloud control planes for the fleet.", SearchSnippet.Build(new SnippetTerms(query), SearchFields.Default, "Title", Edge, null));
        Assert.Equal("One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen…", SearchSnippet.Build(new SnippetTerms(query), SearchFields.Default, "Title", Counting, null));
        Assert.Equal("Title only", SearchSnippet.Build(new SnippetTerms(query), SearchFields.Default, "Title only", null, null));
    }

    [Fact]
    public void OverlappingOccurrencesShareOneMark()
    {
        var query = FullTextQueryParser.Parse("\"edge cloud\" OR \"cloud native\"", out _)!;
        Assert.Equal("At the <mark>edge cloud native</mark> apps", SearchSnippet.Build(new SnippetTerms(query), SearchFields.Default, "At the edge cloud native apps", null, null));
    }
}
