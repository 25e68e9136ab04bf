using System.Collections.Concurrent;
using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles;

/// <summary>
/// Chooses the plan of a list sorted by one field and filtered on others: walk the sort index and test each row
/// until the page is full, or read one filter's articles through its own index (a <see cref="PlanDriver"/>) and sort
/// them. A walk reads about (limit + 1) / selectivity rows, and the whole table when nothing matches; a driver reads
/// exactly its filter's rows. SQLite's statistics cannot tell these apart (no STAT4 in the bundled library: a range
/// looks like a quarter of the table, a value of <c>type</c> like half of it, a value that no article has included),
/// so the sizes are counted: bounded counts over each filter's index, remembered per data version. A stale size
/// costs speed, never rows.
/// </summary>
internal sealed class FilterSizes(DataVersion dataVersion) : IDisposable
{
    /// <summary>Several filters tested per row narrow together: counts go this far to estimate how much (at most ~50 ms of sorting).</summary>
    public const int CountBound = 50_000;

    /// <summary>Distinct filter values remembered per data version; past it, further ones are counted each time.</summary>
    public const int MaxRemembered = 4096;

    private readonly PerVersion<Remembered> _sizes = new(dataVersion);

    /// <summary>The filter that should read through its own index, or null when the page should walk the sort index.</summary>
    public async Task<PlanDriver?> ChooseDriverAsync(
        ArticleDbContext context, ArticleQuery query, ArticleCounts.Snapshot? counts, CancellationToken cancellationToken)
    {
        var filters = DriverFilter.Of(query, context, counts).ToList();
        // Under the date sort one value filter seeks in order through its own index; with several, the others are
        // tested per row and one that matches little makes that walk long: then they all compete.
        var oneValueFilter = filters.Count(f => f.Driver is PlanDriver.Published or PlanDriver.Type or PlanDriver.Category) == 1;
        var candidates = filters
            .Where(f => !f.Driver.IsServedBy(query.Sort.Field) && !(oneValueFilter && ServedBySortIndex(f.Driver, query.Sort.Field))).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var remembered = await RememberedAsync(context, cancellationToken);
        // One filter alone matches more than SmallRange / total of the rows, so a walk reads at most
        // limit x total / SmallRange of them (4,200 at 1,000,000): counting further would not change the answer.
        var bound = candidates.Count == 1 ? PlanCost.SmallRange : CountBound;
        var sizes = new List<(DriverFilter Filter, int Size)>();
        foreach (var filter in candidates)
        {
            sizes.Add((filter, filter.KnownSize is { } known
                ? Math.Min(known, bound + 1)
                : await SizeAsync(remembered, filter.Key, bound, () => filter.Rows(context.Articles), cancellationToken)));
        }

        var (driver, smallest) = sizes.MinBy(s => s.Size);
        if (smallest <= PlanCost.SmallRange)
        {
            // A topic alone of 1,000 to 5,000 articles (at 100,000: most of them) costs less walked than read whenever
            // its articles are spread over the order, and far more when they gather at its other end: which one holds
            // is counted. A range or a value keeps the bounded read (their combinations are too many to remember).
            return driver.Driver == PlanDriver.Topic && candidates.Count == 1 && counts is not null
                && !PlanCost.ReadCostsLess(smallest, query.Limit + 1, counts.Articles)
                && await WalkFindsAPageAsync(context, query, driver, smallest, remembered, cancellationToken)
                ? null
                : driver.Driver;
        }

        if (smallest > CountBound)
        {
            return null;
        }

        // Several filters, none small: how far a walk goes depends on how many rows match them all, which no product
        // of their sizes tells (a type and a quality range can share no article at all). Counted through the
        // smallest one's index, which costs what driving by it would, and remembered.
        var joint = await SizeAsync(remembered, string.Join(" & ", candidates.Select(c => c.Key)), CountBound,
            () => candidates.Where(c => c != driver).Aggregate(driver.Rows(context.Articles), (rows, other) => other.Test(rows)), cancellationToken);
        var total = remembered.Total ??= await context.Articles.LongCountAsync(cancellationToken);
        var walk = joint == 0 ? double.PositiveInfinity : (query.Limit + 1.0) * total / joint;
        return smallest * PlanCost.SortCostPerRow < walk ? driver.Driver : null;
    }

    /// <summary>
    /// Whether any article lacks the sort field's value. A nullable sort reads its NULLs in a statement of their own;
    /// when there are none (heat and quality are on every generated article) that statement is skipped.
    /// </summary>
    public async Task<bool> HasNullsAsync(ArticleDbContext context, SortField field, CancellationToken cancellationToken)
    {
        if (field == SortField.Relevance)
        {
            return false;
        }

        var remembered = await RememberedAsync(context, cancellationToken);
        var nulls = field switch
        {
            // Ordered by the column itself: a seek to its NULLs in its index, never a walk of the table.
            SortField.Quality => context.Articles.Where(a => a.Quality == null).OrderBy(a => a.Quality),
            SortField.Heat or SortField.Popularity => context.Articles.Where(a => a.Heat == null).OrderBy(a => a.Heat),
            _ => context.Articles.Where(a => a.PublishedDateTime == null).OrderBy(a => a.PublishedDateTime),
        };
        return await SizeAsync(remembered, "nulls " + (field == SortField.Popularity ? SortField.Heat : field), 0, () => nulls, cancellationToken) > 0;
    }

    /// <summary>Published, type and category lead an index followed by the date: under the date sort that index is a seek in order.</summary>
    private static bool ServedBySortIndex(PlanDriver driver, SortField sort) =>
        sort == SortField.PublishedDateTime && driver is PlanDriver.Published or PlanDriver.Type or PlanDriver.Category;

    /// <summary>
    /// Whether a walk of the sort order from its start finds a page of <paramref name="filter"/>'s rows before it has
    /// read what reading and sorting them would cost (twice their number). Counted once per data version, sort and
    /// page size; a page deep in the order may still find the rows sparser there. An ascending sort whose column has
    /// NULLs starts with them, in id order, which no count here follows: it reads.
    /// </summary>
    private async Task<bool> WalkFindsAPageAsync(
        ArticleDbContext context, ArticleQuery query, DriverFilter filter, int size, Remembered remembered, CancellationToken cancellationToken)
    {
        if (SortOrder(context.Articles, query.Sort) is not { } order
            || (!query.Sort.Descending && await HasNullsAsync(context, query.Sort.Field, cancellationToken)))
        {
            return false;
        }

        var rows = query.Limit + 1;
        var found = await SizeAsync(remembered, $"walk {query.Sort.Name} {rows} {filter.Key}", rows - 1,
            () => filter.Test(order.Take(size * PlanCost.SortCostPerRow)), cancellationToken);
        return found >= rows;
    }

    /// <summary>The rows with a value of the sort field, in the order of its index (popularity: by heat alone).</summary>
    private static IOrderedQueryable<Article>? SortOrder(IQueryable<Article> articles, ArticleSort sort) => (sort.Field, sort.Descending) switch
    {
        (SortField.PublishedDateTime, false) => articles.Where(a => a.PublishedDateTime != null).OrderBy(a => a.PublishedDateTime).ThenBy(a => a.Id),
        (SortField.PublishedDateTime, true) => articles.Where(a => a.PublishedDateTime != null).OrderByDescending(a => a.PublishedDateTime).ThenByDescending(a => a.Id),
        (SortField.Quality, false) => articles.Where(a => a.Quality != null).OrderBy(a => a.Quality).ThenBy(a => a.Id),
        (SortField.Quality, true) => articles.Where(a => a.Quality != null).OrderByDescending(a => a.Quality).ThenByDescending(a => a.Id),
        (SortField.Heat or SortField.Popularity, false) => articles.Where(a => a.Heat != null).OrderBy(a => a.Heat).ThenBy(a => a.Id),
        (SortField.Heat or SortField.Popularity, true) => articles.Where(a => a.Heat != null).OrderByDescending(a => a.Heat).ThenByDescending(a => a.Id),
        _ => null,
    };

    private static async Task<int> SizeAsync(
        Remembered remembered, string key, int bound, Func<IQueryable<Article>> rows, CancellationToken cancellationToken)
    {
        // A size counted to a lower bound is kept; it answers a higher bound only when it was exact (below its bound).
        if (remembered.Sizes.TryGetValue(key, out var kept) && (kept.Size < kept.Bound || kept.Bound > bound))
        {
            return Math.Min(kept.Size, bound + 1);
        }

        var size = await rows().Take(bound + 1).CountAsync(cancellationToken);
        if (remembered.Sizes.Count < MaxRemembered)
        {
            remembered.Sizes[key] = (size, bound + 1);
        }

        return size;
    }

    private Task<Remembered> RememberedAsync(ArticleDbContext context, CancellationToken cancellationToken) =>
        _sizes.GetAsync(_ => Task.FromResult(new Remembered()), cancellationToken);

    public void Dispose() => _sizes.Dispose();

    private sealed class Remembered
    {
        /// <summary>The number of articles, counted when first needed (two requests may both count it: the same answer).</summary>
        public long? Total { get; set; }

        public ConcurrentDictionary<string, (int Size, int Bound)> Sizes { get; } = new(StringComparer.Ordinal);
    }
}
