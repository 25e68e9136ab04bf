namespace ArticleApi.Data;

/// <summary>
/// A user's search, read into a tree independent of any engine (see <see cref="FullTextQueryParser"/> for the syntax:
/// words, "phrases", prefix*, OR, NOT or -word, parentheses; terms side by side must all match). Every term is letters
/// and digits only, so no input can make an engine's query syntax fail: the engines build their syntax from the tree.
/// </summary>
internal sealed record FullTextQuery(SearchNode Root)
{
    /// <summary>Where the terms must be found; a term may match in any of these fields, each term in its own.</summary>
    public SearchFields Fields { get; init; } = SearchFields.Default;

    /// <summary>Canonical text of the search: searches that differ only in case or spacing share it.</summary>
    public string Key => Fields == SearchFields.Default ? Root.Key : $"{Root.Key} IN {Fields}";
}
