using ArticleApi.Data;
using ArticleApi.Data.Sqlite;

namespace ArticleApi.Tests.Data.Sqlite;

/// <summary>The FTS5 MATCH text of a search and its fields: pure, so it runs without a database.</summary>
public sealed class SqliteFullTextSearchTests
{
    [Theory]
    [InlineData("title,excerpt", "{Title Excerpt} : (\"edge\" NOT \"gpu\")")]
    [InlineData("body", "{Body} : (\"edge\" NOT \"gpu\")")]
    [InlineData("body,title", "{Title Body} : (\"edge\" NOT \"gpu\")")]
    [InlineData("title,excerpt,body", "\"edge\" NOT \"gpu\"")]
    public void TheFieldsSearchedBecomeAColumnFilterAroundTheWholeSearch(string searchIn, string expected)
    {
        var fields = searchIn.Split(',').Aggregate((SearchFields)0, (all, name) => all | Enum.Parse<SearchFields>(name, ignoreCase: true));
        var query = FullTextQueryParser.Parse("edge -gpu", out _)! with { Fields = fields };

        Assert.Equal(expected, SqliteFullTextSearch.ToMatch(query));
    }
}
