namespace ArticleApi.Import.Reading.FrontMatter;

/// <summary>A node of parsed front matter, with the 1-based line and column it starts at in the file.</summary>
internal abstract record YamlNode(int Line, int Column);

/// <summary>A scalar as written. <paramref name="IsPlain"/> is false for quoted, block and explicitly tagged scalars, which are always strings.</summary>
internal sealed record YamlScalar(string Value, bool IsPlain, int Line, int Column) : YamlNode(Line, Column)
{
    /// <summary>YAML's null: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column);

/// <summary>A mapping with string keys, in the order written.</summary>
internal sealed record YamlMap(IReadOnlyList<KeyValuePair<string, YamlNode>> Entries, int Line, int Column) : YamlNode(Line, Column)
{
    public YamlNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }
}
