using System.Collections.Concurrent;
using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles;

/// <summary>
/// Picks which range filter (quality, heat, date) may drive a list sorted by another field. A range of at most
/// <see cref="SmallRange"/> articles is read through its own index and sorted; a larger one is tested per row while
/// the page walks the sort index, which then finds a page within about limit x articles / <see cref="SmallRange"/>
/// rows (4,200 at 1,000,000). Either way a page costs a bounded number of rows; SQLite cannot tell the two cases
/// apart from its statistics (a range looks like a quarter of the table to it) and read 16% of the articles to sort
/// them for an 11-day range sorted by quality. Sizes are bounded counts over the range's index, remembered per data
/// version; a stale answer costs speed, never rows.
/// </summary>
internal sealed class RangeSizes(DataVersion dataVersion) : IDisposable
{
    public const int SmallRange = 5_000;

    /// <summary>Distinct ranges remembered per data version; past it, further ones are counted each time.</summary>
    public const int MaxRemembered = 4096;

    private readonly PerVersion<ConcurrentDictionary<(SortField, long?, long?), int>> _sizes = new(dataVersion);

    /// <summary>The field whose range filter should use its index, or null when every range is better tested per row.</summary>
    public async Task<SortField?> ChooseDriverAsync(ArticleDbContext context, ArticleQuery query, CancellationToken cancellationToken)
    {
        SortField? driver = null;
        var smallest = int.MaxValue;
        foreach (var (field, lower, upper) in Ranges(query))
        {
            if (field == query.Sort.Field)
            {
                continue; // the sort's own index seeks this range already
            }

            var size = await SizeAsync(context, field, lower, upper, cancellationToken);
            if (size <= SmallRange && size < smallest)
            {
                (driver, smallest) = (field, size);
            }
        }

        return driver;
    }

    private static IEnumerable<(SortField Field, long? Lower, long? Upper)> Ranges(ArticleQuery query)
    {
        if (query.MinQuality is not null || query.MaxQuality is not null)
        {
            yield return (SortField.Quality, query.MinQuality, query.MaxQuality);
        }

        if (query.MinHeat is not null || query.MaxHeat is not null)
        {
            yield return (SortField.Heat, query.MinHeat, query.MaxHeat);
        }

        if (query.From is not null || query.To is not null)
        {
            yield return (SortField.PublishedDateTime, query.From?.ToUnixTimeMilliseconds(), query.To?.ToUnixTimeMilliseconds());
        }
    }

    private async Task<int> SizeAsync(ArticleDbContext context, SortField field, long? lower, long? upper, CancellationToken cancellationToken)
    {
        var sizes = await _sizes.GetAsync(_ => Task.FromResult(new ConcurrentDictionary<(SortField, long?, long?), int>()), cancellationToken);
        if (sizes.TryGetValue((field, lower, upper), out var size))
        {
            return size;
        }

        // Ordered by the range's own column: the count walks its index, and the limit has a defined meaning.
        var articles = context.Articles.AsQueryable();
        switch (field)
        {
            case SortField.Quality:
                articles = ArticleFilters.QualityRange(articles, (int?)lower, (int?)upper, indexed: true).OrderBy(a => a.Quality);
                break;
            case SortField.Heat:
                articles = ArticleFilters.HeatRange(articles, (int?)lower, (int?)upper, indexed: true).OrderBy(a => a.Heat);
                break;
            default:
                articles = ArticleFilters.DateRange(articles, FromMilliseconds(lower), FromMilliseconds(upper), indexed: true).OrderBy(a => a.PublishedDateTime);
                break;
        }

        size = await articles.Take(SmallRange + 1).CountAsync(cancellationToken);
        if (sizes.Count < MaxRemembered)
        {
            sizes.TryAdd((field, lower, upper), size);
        }

        return size;
    }

    private static DateTimeOffset? FromMilliseconds(long? milliseconds) =>
        milliseconds is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    public void Dispose() => _sizes.Dispose();
}
