namespace ArticleApi.Data;

/// <summary>The <c>Search</c> section: what the full-text index holds.</summary>
internal sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// Whether the markdown body is in the full-text index, so that <c>searchIn=body</c> can be asked. On by default:
    /// a 400-word body on every file makes a cold import about twice as long (BENCHMARKS.md, "Indexing the body"),
    /// which is less than operators lose by finding body search missing. Off, the index holds title and excerpt only
    /// and <c>searchIn=body</c> is a 400. The body itself is stored either way (the article's detail serves it), so a
    /// change takes effect at the next start by re-indexing the stored rows, without reading the files again.
    /// </summary>
    public bool IndexBody { get; set; } = true;
}
