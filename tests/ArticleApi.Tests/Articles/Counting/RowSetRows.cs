using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>A set's rows as a list, ascending, for assertions that compare them with the rows expected.</summary>
internal static class RowSetRows
{
    public static List<int> RowList(this RowSet set) => [.. set];
}
