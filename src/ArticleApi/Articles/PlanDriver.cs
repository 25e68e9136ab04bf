namespace ArticleApi.Articles;

/// <summary>
/// A filter whose own index supplies a page's candidates, which are then sorted, instead of the page walking the sort
/// index and testing each row (<see cref="FilterSizes"/> chooses). While a driver reads, every other filter is tested
/// per row and the sort index is hidden from the planner, so the engine cannot fall back on a long walk.
/// </summary>
internal enum PlanDriver
{
    Quality,
    Heat,
    Date,
    Published,
    Type,
    Category,
    Topic,
}

internal static class PlanDrivers
{
    /// <summary>The sort field whose index is the same as the driver's, if any: such a driver is simply the sort.</summary>
    public static SortField? SortField(this PlanDriver driver) => driver switch
    {
        PlanDriver.Quality => Articles.SortField.Quality,
        PlanDriver.Heat => Articles.SortField.Heat,
        PlanDriver.Date => Articles.SortField.PublishedDateTime,
        _ => null,
    };

    /// <summary>Whether the sort's own index already reads this filter in order: a heat range leads the popularity index too.</summary>
    public static bool IsServedBy(this PlanDriver driver, SortField sort) =>
        driver.SortField() == sort || (driver == PlanDriver.Heat && sort == Articles.SortField.Popularity);
}
