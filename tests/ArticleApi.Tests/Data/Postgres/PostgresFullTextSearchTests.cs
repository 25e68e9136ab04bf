using ArticleApi.Data;
using ArticleApi.Data.Postgres;

namespace ArticleApi.Tests.Data.Postgres;

/// <summary>The translation of a search into to_tsquery syntax: pure, so it runs without a server.</summary>
public sealed class PostgresFullTextSearchTests
{
    [Theory]
    [InlineData("kubernetes", "('kubernetes')")]
    [InlineData("kuber*", "('kuber':*)")]
    [InlineData("\"vector database\"", "('vector' <-> 'database')")]
    [InlineData("edge \"cold starts\"* AI", "('edge') & ('cold' <-> 'starts':*) & ('AI')")]
    [InlineData("e-mail", "('e' <-> 'mail')")]
    [InlineData("title:kubernetes & !(x | y) <-> z", "('title' <-> 'kubernetes') & ('x') & ('y') & ('z')")]
    public void ASearchBecomesQuotedLexemesJoinedByAnd(string q, string expected)
    {
        Assert.Equal(expected, PostgresFullTextSearch.ToTsQuery(FullTextQueryParser.Parse(q, out _)!));
    }

    [Theory]
    [InlineData("title", "edge \"cold starts\"* -gpu", "('edge':A) & ('cold':A <-> 'starts':*A) & !('gpu':A)")]
    [InlineData("excerpt,body", "kuber* OR edge", "(('kuber':*BC) | ('edge':BC))")]
    [InlineData("title,excerpt,body", "kuber*", "('kuber':*)")]
    public void EachLexemeAsksForTheWeightsOfTheFieldsSearched(string searchIn, string q, string expected)
    {
        var fields = searchIn.Split(',').Aggregate((SearchFields)0, (all, name) => all | Enum.Parse<SearchFields>(name, ignoreCase: true));

        Assert.Equal(expected, PostgresFullTextSearch.ToTsQuery(FullTextQueryParser.Parse(q, out _)!, fields));
    }
}
