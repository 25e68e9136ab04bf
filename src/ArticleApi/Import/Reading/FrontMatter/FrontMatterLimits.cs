namespace ArticleApi.Import.Reading.FrontMatter;

/// <summary>Bounds that keep a hostile file from costing more than a large honest one.</summary>
/// <param name="MaxFileBytes">Files over this size fail without being read as YAML.</param>
/// <param name="MaxNodes">The most nodes a document may hold once its aliases are counted as expanded.</param>
/// <param name="MaxDepth">The deepest nesting of maps and lists accepted.</param>
internal sealed record FrontMatterLimits(long MaxFileBytes, int MaxNodes = 100_000, int MaxDepth = 64)
{
    public static readonly FrontMatterLimits Default = new(1024 * 1024);
}
