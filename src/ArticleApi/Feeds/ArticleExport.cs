using ArticleApi.Articles;
using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Feeds;

/// <summary>
/// The whole result of an article list, in its order, batch by batch: the list's own keyset pages walked from the
/// request's cursor (or the start) to the end, <see cref="BatchSize"/> rows at a time. Memory stays one batch whatever
/// the size of the result, and no statement or transaction stays open between batches, so an export never holds the
/// database (a SQLite checkpoint, a PostgreSQL vacuum) for as long as a slow client reads.
/// </summary>
internal sealed class ArticleExport(ArticleDbContext context, IFullTextSearch search, ArticleListReader reader, ArticleCounts counts, SearchFrequency searchFrequency)
{
    public const int BatchSize = 500;

    public async IAsyncEnumerable<IReadOnlyList<ArticleListItem>> ReadAsync(
        ArticleQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The plan choices of a page (ArticleListReader): topic sizes and the frequency of a search.
        var topicSizes = query.Topics.Count > 0 || query.RequiredTopic is not null ? await counts.GetAsync(cancellationToken) : null;
        var frequentSearch = query.Search is not null && query.Sort.Field != SortField.Relevance
            && await searchFrequency.IsFrequentAsync(context, query.Search, cancellationToken);
        var filtered = ArticleFilters.Apply(context.Articles, query, context, search, topicSizes, frequentSearch, rowsPerStatement: BatchSize);
        var cursor = query.Cursor;
        while (true)
        {
            var keys = new List<PageKey>(BatchSize);
            foreach (var segment in ArticleKeyset.Segments(filtered, query with { Cursor = cursor }, context, search))
            {
                keys.AddRange(await segment.Take(BatchSize - keys.Count).ToListAsync(cancellationToken));
                if (keys.Count == BatchSize)
                {
                    break;
                }
            }

            if (keys.Count > 0)
            {
                yield return await reader.LoadItemsAsync([.. keys.Select(k => k.Key)], query.Search, cancellationToken);
            }

            if (keys.Count < BatchSize)
            {
                yield break;
            }

            cursor = Next(query.Sort, keys[^1]);
        }
    }

    /// <summary>The position after <paramref name="last"/>, typed as the sort's keyset expects it.</summary>
    private static Cursor Next(ArticleSort sort, PageKey last) =>
        sort.CursorValue.TryRead(last.SortValue, out var value)
            ? new Cursor(sort.Name, value, last.Id)
            : throw new InvalidOperationException($"The sort value '{last.SortValue}' of '{last.Id}' is not a {sort.Name} position.");
}
