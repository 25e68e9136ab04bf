using System.Globalization;
using ArticleApi.Http;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles;

/// <summary>
/// The keyset of <c>sort=popularity</c>: heat descending, then recency (<see cref="ArticleConfiguration.RecencyColumn"/>:
/// the published date, undated last) descending, then id descending, all on the index (Heat, Recency, Id). As under
/// <c>sort=-heat</c>, articles without a heat come after every article with one, in their own statement. After a
/// cursor the rest of its heat is one seek (that heat, recency and id below the cursor's) and the lower heats another,
/// so a deep page costs what the first page costs.
/// </summary>
internal static class PopularityKeyset
{
    /// <param name="indexed">False when another index drives the page: every test and order is then one no index serves.</param>
    /// <param name="nullsToo">Whether articles without a heat may follow (no heat range, and some lack one).</param>
    public static IEnumerable<IQueryable<PageKey>> Segments(IQueryable<Article> filtered, Cursor? cursor, bool indexed, bool nullsToo)
    {
        var position = (PopularityPosition?)cursor?.Value;
        if (position is { Heat: { } heat })
        {
            var sameHeat = indexed ? filtered.Where(a => a.Heat == heat) : filtered.Where(a => (a.Heat ?? int.MinValue) == heat);
            yield return ByRecency(After(sameHeat, position.Value.Recency, cursor!.Id));
            // Under a driver a missing heat coalesces above every heat, so it is not a lower one.
            var lowerHeats = indexed ? filtered.Where(a => a.Heat < heat) : filtered.Where(a => (a.Heat ?? int.MaxValue) < heat);
            yield return ByHeat(lowerHeats, indexed);
        }
        else if (position is null)
        {
            yield return ByHeat(HeatIsNull(filtered, indexed, nulls: false), indexed);
        }

        if (position is { Heat: null } among)
        {
            yield return ByRecency(After(HeatIsNull(filtered, indexed, nulls: true), among.Recency, cursor!.Id));
        }
        else if (nullsToo)
        {
            yield return ByRecency(HeatIsNull(filtered, indexed, nulls: true));
        }
    }

    /// <summary>Recency then id below the cursor's: a range the index seeks to within one heat (or among no heat).</summary>
    private static IQueryable<Article> After(IQueryable<Article> rows, long recency, string id) =>
        rows.Where(a => EF.Property<long>(a, ArticleConfiguration.RecencyColumn) <= recency
            && (EF.Property<long>(a, ArticleConfiguration.RecencyColumn) < recency || string.Compare(a.Id, id) < 0));

    /// <summary>
    /// Under a driver the NULL test must be one no index serves (as in ArticleKeyset): a heat cannot
    /// coalesce to both extremes, so the two tests together say exactly "is NULL".
    /// </summary>
    private static IQueryable<Article> HeatIsNull(IQueryable<Article> rows, bool indexed, bool nulls) => (indexed, nulls) switch
    {
        (true, true) => rows.Where(a => a.Heat == null),
        (true, false) => rows.Where(a => a.Heat != null),
        (false, true) => rows.Where(a => (a.Heat ?? int.MinValue) == int.MinValue && (a.Heat ?? int.MaxValue) == int.MaxValue),
        (false, false) => rows.Where(a => !((a.Heat ?? int.MinValue) == int.MinValue && (a.Heat ?? int.MaxValue) == int.MaxValue)),
    };

    /// <summary>Rows that all have a heat, in the popularity order; under a driver COALESCE hides the heat from the index.</summary>
    private static IQueryable<PageKey> ByHeat(IQueryable<Article> rows, bool indexed) =>
        Project((indexed ? rows.OrderByDescending(a => a.Heat) : rows.OrderByDescending(a => a.Heat ?? 0))
            .ThenByDescending(a => EF.Property<long>(a, ArticleConfiguration.RecencyColumn)).ThenByDescending(a => a.Id));

    /// <summary>Rows of one heat (or of none), in the popularity order.</summary>
    private static IQueryable<PageKey> ByRecency(IQueryable<Article> rows) =>
        Project(rows.OrderByDescending(a => EF.Property<long>(a, ArticleConfiguration.RecencyColumn)).ThenByDescending(a => a.Id));

    /// <summary>The page key with its position as <see cref="PopularityPosition"/> writes it: <c>heat:recency</c>.</summary>
    private static IQueryable<PageKey> Project(IQueryable<Article> rows) => rows.Select(a => new PageKey
    {
        Key = a.Key,
        Id = a.Id,
        SortValue = (a.Heat.HasValue ? a.Heat.Value.ToString(CultureInfo.InvariantCulture) : "") + ":"
            + EF.Property<long>(a, ArticleConfiguration.RecencyColumn).ToString(CultureInfo.InvariantCulture),
    });
}
