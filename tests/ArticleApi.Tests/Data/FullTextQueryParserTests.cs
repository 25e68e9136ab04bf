using ArticleApi.Data;
using ArticleApi.Data.Postgres;
using ArticleApi.Data.Sqlite;

namespace ArticleApi.Tests.Data;

/// <summary>The news-style search syntax: what each input means (its canonical key and both engines' syntax), and the errors.</summary>
public sealed class FullTextQueryParserTests
{
    [Theory]
    [InlineData("kubernetes", "KUBERNETES", "\"kubernetes\"", "('kubernetes')")]
    [InlineData("Kubernetes   edge", "(KUBERNETES AND EDGE)", "\"Kubernetes\" AND \"edge\"", "('Kubernetes') & ('edge')")]
    [InlineData("kubernetes AND edge", "(KUBERNETES AND EDGE)", "\"kubernetes\" AND \"edge\"", "('kubernetes') & ('edge')")]
    [InlineData("kubernetes OR edge", "(KUBERNETES OR EDGE)", "(\"kubernetes\" OR \"edge\")", "(('kubernetes') | ('edge'))")]
    [InlineData("kubernetes -security", "(KUBERNETES AND NOT SECURITY)", "\"kubernetes\" NOT \"security\"", "('kubernetes') & !('security')")]
    [InlineData("kubernetes NOT security", "(KUBERNETES AND NOT SECURITY)", "\"kubernetes\" NOT \"security\"", "('kubernetes') & !('security')")]
    [InlineData("(ai OR llm) cloud -\"price war\"", "((AI OR LLM) AND CLOUD AND NOT \"PRICE WAR\")", "((\"ai\" OR \"llm\") AND \"cloud\") NOT \"price war\"", "(('ai') | ('llm')) & ('cloud') & !('price' <-> 'war')")]
    [InlineData("a OR b c", "(A OR (B AND C))", "(\"a\" OR (\"b\" AND \"c\"))", "(('a') | (('b') & ('c')))")]
    [InlineData("kuber* \"cold starts\"*", "(KUBER* AND \"COLD STARTS\"*)", "\"kuber\"* AND \"cold starts\"*", "('kuber':*) & ('cold' <-> 'starts':*)")]
    [InlineData("e-mail or not", "(E MAIL AND OR AND NOT)", "\"e mail\" AND \"or\" AND \"not\"", "('e' <-> 'mail') & ('or') & ('not')")]
    [InlineData("title:kubernetes & ^edge kube**", "(TITLE KUBERNETES AND EDGE AND KUBE*)", "\"title kubernetes\" AND \"edge\" AND \"kube\"*", "('title' <-> 'kubernetes') & ('edge') & ('kube':*)")]
    [InlineData("a -(b OR c) NOT NOT d", "(A AND NOT (B OR C) AND D)", "(\"a\" AND \"d\") NOT (\"b\" OR \"c\")", "('a') & ('d') & !(('b') | ('c'))")]
    public void ASearchMeansTheSameOnEveryEngine(string q, string key, string fts5, string tsQuery)
    {
        var query = FullTextQueryParser.Parse(q, out var error);

        Assert.Null(error);
        Assert.Equal(key, query!.Key);
        Assert.Equal(fts5, SqliteFullTextSearch.ToMatchExpression(query));
        Assert.Equal(tsQuery, PostgresFullTextSearch.ToTsQuery(query));
    }

    [Theory]
    [InlineData("***", "has no word to search for: use letters or digits, \"a phrase\" or a prefix*.")]
    [InlineData("kubernetes OR", "has an OR without a term on each side.")]
    [InlineData("OR kubernetes", "has an OR without a term on each side.")]
    [InlineData("kubernetes AND NOT", "has a NOT without the term it excludes.")]
    [InlineData("AND kubernetes", "has an AND without a term on each side.")]
    [InlineData("-kubernetes", "only excludes: add a word to match beside NOT or -word.")]
    [InlineData("NOT a NOT b", "only excludes: add a word to match beside NOT or -word.")]
    [InlineData("a OR -b", "has an exclusion as one side of OR: NOT and -word exclude from what the terms beside them match.")]
    [InlineData("(kubernetes", "has a '(' without its ')'.")]
    [InlineData("NEAR(kubernetes", "has a '(' without its ')'.")]
    [InlineData("kubernetes)", "has a ')' without its '(' (at token 2).")]
    [InlineData("\"unterminated phrase", "has a '\"' without its closing '\"'.")]
    [InlineData("((((((((((a))))))))))", "nests parentheses deeper than 8 levels.")]
    [InlineData("a b c d e f g h i j k l m n o p q", "has more than 16 terms.")]
    public void ASearchThatCannotBeReadSaysWhy(string q, string error)
    {
        Assert.Null(FullTextQueryParser.Parse(q, out var actual));
        Assert.Equal(error, actual);
    }
}
