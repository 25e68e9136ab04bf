namespace ArticleApi.Data;

/// <summary>A node of a parsed search: a term, or terms combined with AND, OR and NOT.</summary>
internal abstract record SearchNode
{
    private protected SearchNode()
    {
    }

    /// <summary>The node as canonical text (case folded, operators upper case): equal searches give equal keys.</summary>
    public abstract string Key { get; }

    /// <summary>The terms under this node, in order.</summary>
    public abstract IEnumerable<SearchTerm> Terms();
}

/// <summary>A word, or a quoted phrase (<see cref="Text"/> holds its words separated by single spaces), either of them a prefix (<c>kube*</c>).</summary>
internal sealed record SearchTerm(string Text, bool IsPhrase, bool IsPrefix) : SearchNode
{
    public override string Key => (IsPhrase ? "\"" + Text.ToUpperInvariant() + "\"" : Text.ToUpperInvariant()) + (IsPrefix ? "*" : "");

    public override IEnumerable<SearchTerm> Terms() => [this];
}

/// <summary>Every child must match; a <see cref="SearchNot"/> child excludes what it matches. At least one child is not a NOT.</summary>
internal sealed record SearchAnd(IReadOnlyList<SearchNode> Children) : SearchNode
{
    public override string Key => "(" + string.Join(" AND ", Children.Select(c => c.Key)) + ")";

    public override IEnumerable<SearchTerm> Terms() => Children.SelectMany(c => c.Terms());

    public IEnumerable<SearchNode> Included => Children.Where(c => c is not SearchNot);

    public IEnumerable<SearchNode> Excluded => Children.OfType<SearchNot>().Select(n => n.Child);
}

/// <summary>Any child may match; no child is a <see cref="SearchNot"/>.</summary>
internal sealed record SearchOr(IReadOnlyList<SearchNode> Children) : SearchNode
{
    public override string Key => "(" + string.Join(" OR ", Children.Select(c => c.Key)) + ")";

    public override IEnumerable<SearchTerm> Terms() => Children.SelectMany(c => c.Terms());
}

/// <summary>An exclusion; it only appears as a child of a <see cref="SearchAnd"/> beside something to match.</summary>
internal sealed record SearchNot(SearchNode Child) : SearchNode
{
    public override string Key => "NOT " + Child.Key;

    public override IEnumerable<SearchTerm> Terms() => Child.Terms();
}
