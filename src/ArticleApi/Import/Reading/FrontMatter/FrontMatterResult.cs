namespace ArticleApi.Import.Reading.FrontMatter;

/// <summary>A reason tied to a place in the file (1-based line and column; 0 when the whole file is meant).</summary>
internal sealed record SourceError(int Line, int Column, string Reason);

/// <summary>What reading a file's front matter gave: a document, a file that is not an item, or a broken file.</summary>
internal abstract record FrontMatterResult
{
    private FrontMatterResult()
    {
    }

    /// <summary>The front matter parsed to a map, with the markdown body after the closing line.</summary>
    internal sealed record Parsed(YamlMap FrontMatter, string Body) : FrontMatterResult;

    /// <summary>The file is not an item (no front matter, or front matter that is not a map): skipped, not an error.</summary>
    internal sealed record NotAnItem(string Reason) : FrontMatterResult;

    /// <summary>The file meant to be an item but cannot be read: it fails with a place and a reason.</summary>
    internal sealed record Broken(SourceError Error) : FrontMatterResult;
}
