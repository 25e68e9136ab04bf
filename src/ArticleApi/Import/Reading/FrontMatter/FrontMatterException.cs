namespace ArticleApi.Import.Reading.FrontMatter;

/// <summary>Raised inside the tree builder for a structure YAML allows but front matter does not (duplicate keys, complex keys, limits crossed).</summary>
internal sealed class FrontMatterException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
