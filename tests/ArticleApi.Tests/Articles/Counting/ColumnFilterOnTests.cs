using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>
/// A type or category condition that every article meets is dropped where the filter meets its columns
/// (<see cref="ColumnFilter.On"/>, applied by <see cref="MatchSet"/>), so a plain filter with it counts from cubes;
/// any other condition stays, and the matches, total and facets are those of the filter as given.
/// </summary>
public sealed class ColumnFilterOnTests
{
    private static readonly string[] Facets = ["topic", "provider", "published", "type", "category"];

    [Fact]
    public void ATypeAndACategoryEveryArticleHasAreDroppedAndThePlainFilterLeftCountsAsTheFilterGiven()
    {
        var random = new Random(2026_12_07);
        for (var draw = 0; draw < 50; draw++)
        {
            var rows = random.Next(1, 3000);
            var columns = Uniform(RandomColumns.Build(random, rows), "article", "news");
            var given = RandomColumns.Filter(random, rows, plain: true) with { Type = "article", Category = draw % 2 == 0 ? "news" : null };

            using var set = new MatchSet(columns, given);

            Assert.Equal(given with { Type = null, Category = null }, set.Filter);
            Assert.NotNull(CubeTerms.Of(set.Filter, columns.Quality, columns.Heat));
            using var asGiven = FilterMatches.Select(columns, given);
            Assert.Equal(asGiven.RowList(), set.Rows.RowList());
            Assert.Equal(Flat(FacetTally.Count(columns, given, asGiven, Facets)), Flat(FacetTally.Count(columns, set.Filter, set.Rows, Facets)));
        }
    }

    [Fact]
    public void ATypeOrCategorySomeArticleLacksStaysAndSoDoesOneNoArticleHas()
    {
        // Three types and no type at all on some rows: none is held by every row.
        var columns = Uniform(RandomColumns.Build(new Random(5), 500), type: null, category: "news");
        var filter = new ColumnFilter { Type = "type0", Category = "news" };

        Assert.Equal(filter with { Category = null }, filter.On(columns.Type, columns.Category));
        Assert.Equal(filter with { Type = "type-no-article-has", Category = null }, (filter with { Type = "type-no-article-has" }).On(columns.Type, columns.Category));
        var elsewhere = new ColumnFilter { Category = "elsewhere" };
        Assert.Same(elsewhere, elsewhere.On(columns.Type, columns.Category));
        var none = new ColumnFilter { Type = "article" };
        var empty = Uniform(RandomColumns.Build(new Random(6), 0), "article", null);
        Assert.Same(none, none.On(empty.Type, empty.Category));
    }

    // The columns with every row of the given type and category (null keeps the drawn ones).
    private static ArticleColumns Uniform(ArticleColumns columns, string? type, string? category) => new()
    {
        Keys = columns.Keys,
        Published = columns.Published,
        Quality = columns.Quality,
        Heat = columns.Heat,
        Provider = columns.Provider,
        Type = type is null ? columns.Type : Every(columns.Count, type),
        Category = category is null ? columns.Category : Every(columns.Count, category),
        PublishedAt = columns.PublishedAt,
        Month = columns.Month,
        Topics = columns.Topics,
        IdRanks = columns.IdRanks,
    };

    private static NameColumn Every(int rows, string name)
    {
        var builder = new NameColumn.Builder();
        for (var row = 0; row < rows; row++)
        {
            builder.Add(name);
        }

        return builder.Build();
    }

    private static List<string> Flat(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> facets) =>
        [.. facets.OrderBy(f => f.Key, StringComparer.Ordinal).SelectMany(f => f.Value.Select(v => $"{f.Key}:{v.Value}={v.Count}"))];
}
