namespace ArticleApi.Import.Reading.FrontMatter;

/// <summary>
/// Reads the front matter almost every article has, directly from its lines: block maps with plain keys, block lists,
/// and one-line scalars, plain or double-quoted without escapes. Anything else (comments, anchors, tags, flow
/// collections, escapes, multi-line scalars, tabs, CR, duplicate keys, an empty value...) makes it give up, and the
/// general reader (<see cref="YamlTreeBuilder"/>) reads the file: errors, their line and column, and the limits
/// against hostile files stay its business. When it does answer, the tree is the one the general reader builds
/// (tests hold the two equal over the real and generated corpora and edge cases); it only costs a fraction of
/// YamlDotNet's scanner, which was the largest part of a cold import's CPU.
/// </summary>
internal sealed class CommonShapeYaml(string text, int firstLine, FrontMatterLimits limits)
{
    // Well inside the general reader's bound, whose depth counts keys too: deeper files are its to judge.
    private readonly int _maxDepth = Math.Min(16, limits.MaxDepth / 2);
    private int _position;
    private int _line = 1;
    private long _nodes;
    private long _chars;

    /// <summary>The front matter's root map, or null when the text is not of the common shape (read it the general way).</summary>
    /// <param name="yaml">The text between the delimiter lines.</param>
    /// <param name="firstLine">The file's line the text starts on.</param>
    public static YamlMap? TryRead(string yaml, int firstLine, FrontMatterLimits limits)
    {
        if (yaml.AsSpan().IndexOfAny('\0', '\r', '\t') >= 0)
        {
            return null;
        }

        try
        {
            return new CommonShapeYaml(yaml, firstLine, limits).ReadDocument();
        }
        catch (NotCommonShapeException)
        {
            return null;
        }
    }

    private YamlMap ReadDocument()
    {
        SkipBlankLines();
        if (AtEnd || IndentAt(_position) != 0)
        {
            throw new NotCommonShapeException();
        }

        var map = ReadMap(indent: 0, depth: 0, inlineKey: -1);
        SkipBlankLines();
        return AtEnd ? map : throw new NotCommonShapeException();
    }

    /// <param name="inlineKey">Where the first key is when it follows a list item's dash on the current line; else -1.</param>
    private YamlMap ReadMap(int indent, int depth, int inlineKey)
    {
        Enter(depth);
        var entries = new List<KeyValuePair<string, YamlNode>>();
        var (line, column) = (0, 0);
        while (true)
        {
            int keyStart;
            if (entries.Count == 0 && inlineKey >= 0)
            {
                keyStart = inlineKey;
            }
            else
            {
                SkipBlankLines();
                if (AtEnd || IndentAt(_position) < indent)
                {
                    break;
                }

                keyStart = IndentAt(_position) == indent ? _position + indent : throw new NotCommonShapeException();
            }

            var keyEnd = CommonShapeText.KeyEnd(text, keyStart);
            if (keyEnd < 0)
            {
                throw new NotCommonShapeException();
            }

            var key = text[keyStart..keyEnd];
            foreach (var entry in entries)
            {
                if (entry.Key == key)
                {
                    throw new NotCommonShapeException();
                }
            }

            if (entries.Count == 0)
            {
                (line, column) = (FileLine, keyStart - _position + 1);
            }

            Count(key.Length);
            entries.Add(new(key, ReadValue(keyEnd + 1, indent, depth)));
        }

        return new YamlMap(entries, line, column);
    }

    /// <summary>A key's value: the rest of its line, or a block on the lines below.</summary>
    private YamlNode ReadValue(int afterColon, int indent, int depth)
    {
        if (afterColon < text.Length && text[afterColon] == ' ')
        {
            var start = afterColon;
            while (start < text.Length && text[start] == ' ')
            {
                start++;
            }

            var scalar = ReadScalar(start);
            EnsureNotContinued(indent);
            return scalar;
        }

        if (afterColon < text.Length && text[afterColon] != '\n')
        {
            throw new NotCommonShapeException();
        }

        NextLine(afterColon);
        SkipBlankLines();
        var blockIndent = AtEnd ? -1 : IndentAt(_position);
        if (blockIndent <= indent)
        {
            // An empty value (null) or a list at the key's own indent: rare, left to the general reader.
            throw new NotCommonShapeException();
        }

        return text[_position + blockIndent] == '-'
            ? ReadSequence(blockIndent, depth + 1)
            : ReadMap(blockIndent, depth + 1, inlineKey: -1);
    }

    private YamlSequence ReadSequence(int indent, int depth)
    {
        Enter(depth);
        var items = new List<YamlNode>();
        var (line, column) = (FileLine, indent + 1);
        while (true)
        {
            SkipBlankLines();
            if (AtEnd || IndentAt(_position) < indent)
            {
                break;
            }

            var dash = _position + indent;
            if (IndentAt(_position) > indent || text[dash] != '-' || dash + 2 >= text.Length || text[dash + 1] != ' '
                || text[dash + 2] is ' ' or '\n')
            {
                throw new NotCommonShapeException();
            }

            var itemStart = dash + 2;
            if (CommonShapeText.KeyEnd(text, itemStart) >= 0)
            {
                items.Add(ReadMap(indent + 2, depth + 1, inlineKey: itemStart));
            }
            else
            {
                items.Add(ReadScalar(itemStart));
                EnsureNotContinued(indent);
            }
        }

        return new YamlSequence(items, line, column);
    }

    /// <summary>A scalar that ends its line: plain, or double-quoted without escapes. Moves to the next line.</summary>
    private YamlScalar ReadScalar(int start)
    {
        var lineEnd = text.IndexOf('\n', start);
        if (lineEnd < 0)
        {
            lineEnd = text.Length;
        }

        var (value, isPlain) = CommonShapeText.Scalar(text.AsSpan(start, lineEnd - start)) ?? throw new NotCommonShapeException();
        var scalar = new YamlScalar(value, isPlain, FileLine, start - _position + 1);
        Count(value.Length);
        NextLine(lineEnd);
        return scalar;
    }

    /// <summary>A line indented past the scalar's parent would continue the scalar or break the YAML: not the common shape.</summary>
    private void EnsureNotContinued(int indent)
    {
        SkipBlankLines();
        if (!AtEnd && IndentAt(_position) > indent)
        {
            throw new NotCommonShapeException();
        }
    }

    private void Enter(int depth)
    {
        if (depth > _maxDepth)
        {
            throw new NotCommonShapeException();
        }

        Count(0);
    }

    /// <summary>A node and its characters; past the limits the general reader is the one to say so.</summary>
    private void Count(int chars)
    {
        _nodes++;
        _chars += chars;
        if (_nodes > limits.MaxNodes || _chars > limits.MaxChars)
        {
            throw new NotCommonShapeException();
        }
    }

    private bool AtEnd => _position >= text.Length;

    private int FileLine => _line + firstLine - 1;

    private int IndentAt(int lineStart) => CommonShapeText.Indent(text, lineStart);

    private void SkipBlankLines()
    {
        while (_position < text.Length && text[_position] == '\n')
        {
            NextLine(_position);
        }
    }

    /// <summary>Moves past the line break at <paramref name="lineEnd"/> (or to the end of the text).</summary>
    private void NextLine(int lineEnd)
    {
        _position = Math.Min(lineEnd + 1, text.Length);
        _line++;
    }

    private sealed class NotCommonShapeException : Exception;
}
