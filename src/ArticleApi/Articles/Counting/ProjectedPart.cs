namespace ArticleApi.Articles.Counting;

/// <summary>Positions [<paramref name="First"/>, <paramref name="End"/>) of <paramref name="Columns"/>.</summary>
internal readonly record struct ProjectedPart(SourceColumns Columns, int First, int End);
