namespace ArticleApi.Import.Reading.FrontMatter;

/// <summary>Bounds that keep a hostile file from costing more than a large honest one (the file's size is bounded by its reader).</summary>
/// <param name="MaxNodes">The most nodes a document may hold once its aliases are counted as expanded.</param>
/// <param name="MaxChars">The most characters of text a document may hold once its aliases are counted as expanded:
/// four times a 1 MiB file of text, which no honest front matter comes near.</param>
/// <param name="MaxDepth">The deepest nesting of maps and lists accepted.</param>
internal sealed record FrontMatterLimits(int MaxNodes = 100_000, long MaxChars = 4 * 1024 * 1024, int MaxDepth = 64)
{
    public static readonly FrontMatterLimits Default = new();
}
