namespace ArticleApi.Articles;

/// <summary>
/// The two ways to answer a filtered page: read the filter's rows through its own index and sort them (size rows), or
/// walk the sort index and test each row until the page is full (about rows x total / size rows when the filter's rows
/// are spread over the order, up to the whole table when they gather at its other end). Reading is cheaper below the
/// square root of rows x total / 2: at 100,000 articles and a page of 21, about 1,000 articles; at 1,000,000, about
/// 3,200; an export's batch of 500 moves it to 5,000 and 15,800.
/// </summary>
internal static class PlanCost
{
    /// <summary>A row read and sorted costs about twice a row read and tested.</summary>
    public const int SortCostPerRow = 2;

    /// <summary>
    /// Up to this size a filter may be read whole and sorted (at most ~50 ms of sorting), which bounds a page's cost
    /// whatever the order of its rows; a larger one is tested per row while the page walks the sort index.
    /// </summary>
    public const int SmallRange = 5_000;

    /// <summary>Whether reading and sorting <paramref name="size"/> rows costs less than a walk that stops after <paramref name="rows"/> of them (rows spread evenly).</summary>
    public static bool ReadCostsLess(long size, int rows, long total) => (double)size * size * SortCostPerRow < (double)rows * total;
}
