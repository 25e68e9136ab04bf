using System.Globalization;
using System.Linq.Expressions;
using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Model;

namespace ArticleApi.Articles;

/// <summary>
/// The ORDER BY and keyset half of an article list. A nullable sort column splits the order in two segments, as
/// SQLite sorts it: rows with a value (by value, then id) and rows without (by id); NULLs come first ascending and
/// last descending. Each segment is one index range seek, so any page costs what the first page costs; a page that
/// crosses from one segment into the next runs a second statement for the rest.
/// </summary>
internal static class ArticleKeyset
{
    /// <summary>The statements of one page, in order: run each until the page is full.</summary>
    /// <param name="sortHasNulls">False when no article lacks the sort field's value (<see cref="FilterSizes.HasNullsAsync"/>).</param>
    /// <param name="driver">A filter that reads its own index (<see cref="FilterSizes"/>): the sort index is then hidden from the planner.</param>
    public static IEnumerable<IQueryable<PageKey>> Segments(
        IQueryable<Article> filtered, ArticleQuery query, ArticleDbContext context, IFullTextSearch search, PlanDriver? driver = null, bool sortHasNulls = true)
    {
        var sort = query.Sort;
        var cursor = query.Cursor;
        // No NULL segment to read when a range on the sort field excludes NULLs, or when the column has none (unless the
        // cursor stands among NULLs, which a later import may have removed: the page then goes on to the values).
        var valuesOnly = HasRange(query, sort.Field) || (!sortHasNulls && !(cursor is not null && cursor.Value is null));
        var order = new SegmentOrder(sort.Descending, driver is null || driver.Value.SortField() == sort.Field, valuesOnly);
        switch (sort.Field)
        {
            case SortField.Relevance:
                yield return Relevance(filtered, search.Matches(context, query.Search!), cursor);
                yield break;
            case SortField.Popularity:
                foreach (var segment in PopularityKeyset.Segments(filtered, cursor, driver is null, !HasRange(query, sort.Field) && sortHasNulls))
                {
                    yield return segment;
                }

                yield break;
            case SortField.PublishedDateTime:
                foreach (var segment in Nullable(filtered, a => a.PublishedDateTime, order, cursor,
                    value => DateTimeOffset.FromUnixTimeMilliseconds((long)value),
                    a => new PageKey { Key = a.Key, Id = a.Id, SortValue = a.PublishedDateTime.HasValue ? a.PublishedDateTime.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : null }))
                {
                    yield return segment;
                }

                yield break;
            default:
                Expression<Func<Article, int?>> key = sort.Field == SortField.Quality ? a => a.Quality : a => a.Heat;
                foreach (var segment in Nullable(filtered, key, order, cursor, value => (int)value,
                    sort.Field == SortField.Quality
                        ? a => new PageKey { Key = a.Key, Id = a.Id, SortValue = a.Quality.HasValue ? a.Quality.Value.ToString(CultureInfo.InvariantCulture) : null }
                        : a => new PageKey { Key = a.Key, Id = a.Id, SortValue = a.Heat.HasValue ? a.Heat.Value.ToString(CultureInfo.InvariantCulture) : null }))
                {
                    yield return segment;
                }

                yield break;
        }
    }

    private static IQueryable<PageKey> Relevance(IQueryable<Article> filtered, IQueryable<FullTextMatch> matches, Cursor? cursor)
    {
        var ranked = filtered.Join(matches, a => a.Key, m => m.Key, (a, m) => new { a.Key, a.Id, m.Rank });
        if (cursor is not null)
        {
            var rank = (double)cursor.Value!;
            var id = cursor.Id;
            ranked = ranked.Where(r => r.Rank > rank || (r.Rank == rank && string.Compare(r.Id, id) > 0));
        }

        return ranked.OrderBy(r => r.Rank).ThenBy(r => r.Id)
            .Select(r => new PageKey { Key = r.Key, Id = r.Id, SortValue = r.Rank.ToString(CultureInfo.InvariantCulture) });
    }

    /// <param name="Indexed">False when another index drives the page: the order is then on an expression no index serves.</param>
    /// <param name="ValuesOnly">No NULL segment to read.</param>
    private sealed record SegmentOrder(bool Descending, bool Indexed, bool ValuesOnly);

    private static bool HasRange(ArticleQuery query, SortField field) => field switch
    {
        SortField.Quality => query.MinQuality is not null || query.MaxQuality is not null,
        SortField.Heat or SortField.Popularity => query.MinHeat is not null || query.MaxHeat is not null,
        SortField.PublishedDateTime => query.From is not null || query.To is not null,
        _ => false,
    };

    private static IEnumerable<IQueryable<PageKey>> Nullable<T>(
        IQueryable<Article> filtered, Expression<Func<Article, T?>> key, SegmentOrder order, Cursor? cursor,
        Func<object, T> parse, Expression<Func<Article, PageKey>> projection)
        where T : struct
    {
        // Descending: values then NULLs; ascending: NULLs then values.
        bool[] nullSegments = order.ValuesOnly ? [false] : order.Descending ? [false, true] : [true, false];
        var start = cursor is null ? 0 : Array.IndexOf(nullSegments, cursor.Value is null);
        for (var index = Math.Max(start, 0); start >= 0 && index < nullSegments.Length; index++)
        {
            var after = index == start ? cursor : null;
            yield return Segment(filtered, key, order, nullSegments[index], after, parse).Select(projection);
        }
    }

    private static IQueryable<Article> Segment<T>(
        IQueryable<Article> source, Expression<Func<Article, T?>> nullableKey, SegmentOrder order, bool nulls, Cursor? after, Func<object, T> parse)
        where T : struct
    {
        var descending = order.Descending;
        var article = nullableKey.Parameters[0];
        // COALESCE changes no value here (the segment has no NULLs) but hides the column from the sort's index.
        var key = order.Indexed
            ? nullableKey
            : Expression.Lambda<Func<Article, T?>>(
                Expression.Convert(Expression.Coalesce(nullableKey.Body, Expression.Constant(default(T), typeof(T))), typeof(T?)), article);
        source = source.Where(Expression.Lambda<Func<Article, bool>>(IsNull<T>(nullableKey.Body, order.Indexed, nulls), article));

        if (after is not null)
        {
            // string.Compare translates to a plain < or > on the id column.
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!,
                Expression.Property(article, nameof(Article.Id)), Parameter(after.Id));
            var idAfter = descending ? Expression.LessThan(compare, Expression.Constant(0)) : Expression.GreaterThan(compare, Expression.Constant(0));
            Expression condition = idAfter;
            if (!nulls)
            {
                // value <= v AND (value < v OR id < i): the first term is a range the index can seek to.
                var value = Expression.Convert(Parameter(parse(after.Value!)), typeof(T?));
                condition = descending
                    ? Expression.AndAlso(Expression.LessThanOrEqual(key.Body, value), Expression.OrElse(Expression.LessThan(key.Body, value), idAfter))
                    : Expression.AndAlso(Expression.GreaterThanOrEqual(key.Body, value), Expression.OrElse(Expression.GreaterThan(key.Body, value), idAfter));
            }

            source = source.Where(Expression.Lambda<Func<Article, bool>>(condition, article));
        }

        if (nulls && !order.Indexed)
        {
            // Id || '' orders as Id does, but no index serves it: the engine would otherwise walk the whole Id index
            // to keep this order instead of reading the driver's rows.
            return descending ? source.OrderByDescending(a => a.Id + "") : source.OrderBy(a => a.Id + "");
        }

        if (nulls)
        {
            return descending ? source.OrderByDescending(a => a.Id) : source.OrderBy(a => a.Id);
        }

        return descending ? source.OrderByDescending(key).ThenByDescending(a => a.Id) : source.OrderBy(key).ThenBy(a => a.Id);
    }

    /// <summary>
    /// The segment's NULL test. Under a driver it must not be one an index serves either: the engine would then read
    /// every NULL of the sort column to test the driver's filter on each. A value cannot coalesce to both extremes,
    /// so the two COALESCE tests together say exactly "is NULL", and neither can use an index.
    /// </summary>
    private static Expression IsNull<T>(Expression key, bool indexed, bool nulls)
        where T : struct
    {
        if (indexed)
        {
            var nullValue = Expression.Constant(null, typeof(T?));
            return nulls ? Expression.Equal(key, nullValue) : Expression.NotEqual(key, nullValue);
        }

        var (min, max) = typeof(T) == typeof(int) ? ((object)int.MinValue, (object)int.MaxValue) : (DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Expression Is(object extreme) => Expression.Equal(Expression.Coalesce(key, Expression.Constant(extreme, typeof(T))), Expression.Constant(extreme, typeof(T)));
        var isNull = Expression.AndAlso(Is(min), Is(max));
        return nulls ? isNull : Expression.Not(isNull);
    }

    /// <summary>A closure-like member access, which EF sends as a SQL parameter rather than inlining a constant.</summary>
    private static MemberExpression Parameter<T>(T value) =>
        Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }
}
