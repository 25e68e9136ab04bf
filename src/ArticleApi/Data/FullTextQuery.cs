namespace ArticleApi.Data;

/// <summary>
/// A user's search, read into a tree independent of any engine (see <see cref="FullTextQueryParser"/> for the syntax:
/// words, "phrases", prefix*, OR, NOT or -word, parentheses; terms side by side must all match). Every term is letters
/// and digits only, so no input can make an engine's query syntax fail: the engines build their syntax from the tree.
/// </summary>
internal sealed record FullTextQuery(SearchNode Root)
{
    public const int MaxTerms = 16;
    public const int MaxDepth = 8;

    /// <summary>Canonical text of the search: searches that differ only in case or spacing share it.</summary>
    public string Key => Root.Key;

    /// <summary>Reads <paramref name="text"/>; on failure <paramref name="error"/> says why, as the tail of a sentence about <c>q</c>.</summary>
    public static FullTextQuery? Parse(string text, out string? error) => FullTextQueryParser.Parse(text, out error);

    /// <summary>Reads <paramref name="text"/>; null when it cannot be read.</summary>
    public static FullTextQuery? Parse(string text) => Parse(text, out _);
}
