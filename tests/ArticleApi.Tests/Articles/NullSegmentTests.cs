using ArticleApi.Articles;
using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// A nullable sort reads its NULLs in a statement of its own, skipped when the column has none. On the generated
/// articles of <see cref="ArticleQueryPlanTests"/> heat is on every article and quality is missing on every seventh.
/// </summary>
public sealed class NullSegmentTests(ArticleQueryPlanTests.LargeDatabase database) : IClassFixture<ArticleQueryPlanTests.LargeDatabase>
{
    [SqliteFact]
    public async Task WhetherASortColumnHasNullsIsCountedFromTheData()
    {
        using var scope = database.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<ArticleDbContext>();
        var sizes = scope.ServiceProvider.GetRequiredService<FilterSizes>();

        Assert.False(await sizes.HasNullsAsync(context, SortField.Heat, CancellationToken.None));
        Assert.True(await sizes.HasNullsAsync(context, SortField.Quality, CancellationToken.None));
        Assert.True(await sizes.HasNullsAsync(context, SortField.PublishedDateTime, CancellationToken.None));
        Assert.False(await sizes.HasNullsAsync(context, SortField.Relevance, CancellationToken.None));
    }

    [SqliteTheory]
    [InlineData("heat", null, true, 2)] // NULLs first, then values
    [InlineData("heat", null, false, 1)] // none: values only
    [InlineData("-heat", null, false, 1)]
    [InlineData("heat", "12", false, 1)] // a cursor among the values
    [InlineData("heat", "null", false, 2)] // a cursor among NULLs that an import has since removed: the page goes on to the values
    public void TheNullStatementIsReadOnlyWhenThereMayBeNulls(string sort, string? cursorValue, bool sortHasNulls, int statements)
    {
        using var scope = database.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<ArticleDbContext>();
        var search = scope.ServiceProvider.GetRequiredService<IFullTextSearch>();
        var reader = new ParameterReader();
        var query = ArticleQuery.Parse(new ArticleListParameters { Sort = sort }, reader)!;
        if (cursorValue is not null)
        {
            query = query with { Cursor = new Cursor(sort, cursorValue == "null" ? null : int.Parse(cursorValue, System.Globalization.CultureInfo.InvariantCulture), "gen-000001") };
        }

        Assert.Equal(statements, ArticleKeyset.Segments(context.Articles, query, context, search, sortHasNulls: sortHasNulls).Count());
    }
}
