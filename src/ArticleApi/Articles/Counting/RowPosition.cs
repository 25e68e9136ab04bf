namespace ArticleApi.Articles.Counting;

/// <summary>
/// Where an article stands in a list order, ascending: without the sort value first, then by value, then (popularity)
/// by recency, then by id (<see cref="ArticleColumns.IdRanks"/>). This is the order of the list's SQL read ascending;
/// a descending list is exactly its reverse, so one comparison serves both.
/// </summary>
internal readonly record struct RowPosition(bool Has, long Value, long Then, int IdRank) : IComparable<RowPosition>
{
    public int CompareTo(RowPosition other) =>
        Has != other.Has ? Has.CompareTo(other.Has)
        : Value != other.Value ? Value.CompareTo(other.Value)
        : Then != other.Then ? Then.CompareTo(other.Then)
        : IdRank.CompareTo(other.IdRank);
}
