using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ArticleApi.Import.Reading.FrontMatter;

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YamlDotNet's event stream. Aliases reuse the anchored node (no copy),
/// but every alias counts the size of what it would expand to, in nodes and in characters (one long string repeated
/// by nested aliases is as much a bomb as many nodes), so an alias bomb fails instead of exploding later when the tree
/// is turned into JSON.
/// </summary>
internal sealed class YamlTreeBuilder(string yaml, int firstLine, FrontMatterLimits limits)
{
    private readonly Parser _parser = new(new StringReader(yaml));
    private readonly Dictionary<string, (YamlNode Node, Measure Size)> _anchors = new(StringComparer.Ordinal);
    private long _nodes;
    private long _chars;

    /// <summary>The document's root, or null when the front matter holds no document at all.</summary>
    public YamlNode? Build()
    {
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        _parser.Consume<DocumentStart>();
        var (root, _) = ReadNode(depth: 0);
        _parser.Consume<DocumentEnd>();
        if (!_parser.Accept<StreamEnd>(out _))
        {
            var current = _parser.Current!;
            throw new FrontMatterException("front matter holds more than one YAML document", FileLine(current.Start), (int)current.Start.Column);
        }

        return root is YamlScalar { IsNull: true } ? null : root;
    }

    private (YamlNode Node, Measure Size) ReadNode(int depth)
    {
        var current = _parser.Current ?? throw new InvalidOperationException("unexpected end of YAML events");
        var line = FileLine(current.Start);
        var column = (int)current.Start.Column;
        if (depth > limits.MaxDepth)
        {
            throw new FrontMatterException($"front matter nests deeper than {limits.MaxDepth} levels", line, column);
        }

        (YamlNode Node, Measure Size) result;
        AnchorName anchor;
        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    throw new FrontMatterException($"alias *{alias.Value.Value} refers to no anchor", line, column);
                }

                Count(anchored.Size, line, column);
                return anchored;
            case Scalar scalar:
                _parser.MoveNext();
                anchor = scalar.Anchor;
                var isPlain = scalar.Style == ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific);
                // YAML's "\0" escape is valid, but PostgreSQL's text cannot hold U+0000: refused on every engine, so
                // one file cannot fail a whole batch there and both engines keep the same articles.
                if (scalar.Value.Contains('\0', StringComparison.Ordinal))
                {
                    throw new FrontMatterException("a value holds a NUL character (U+0000), which is not text", line, column);
                }

                var measure = new Measure(1, scalar.Value.Length);
                Count(measure, line, column);
                result = (new YamlScalar(scalar.Value, isPlain, line, column), measure);
                break;
            case SequenceStart sequenceStart:
                _parser.MoveNext();
                anchor = sequenceStart.Anchor;
                result = ReadSequence(depth, line, column);
                break;
            case MappingStart mappingStart:
                _parser.MoveNext();
                anchor = mappingStart.Anchor;
                result = ReadMap(depth, line, column);
                break;
            default:
                throw new FrontMatterException($"unexpected YAML event {current.GetType().Name}", line, column);
        }

        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = result;
        }

        return result;
    }

    private (YamlNode, Measure) ReadSequence(int depth, int line, int column)
    {
        Count(new Measure(1, 0), line, column);
        var items = new List<YamlNode>();
        var size = new Measure(1, 0);
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            var (item, itemSize) = ReadNode(depth + 1);
            items.Add(item);
            size += itemSize;
        }

        return (new YamlSequence(items, line, column), size);
    }

    private (YamlNode, Measure) ReadMap(int depth, int line, int column)
    {
        Count(new Measure(1, 0), line, column);
        var entries = new List<KeyValuePair<string, YamlNode>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var size = new Measure(1, 0);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = _parser.Current!;
            var (key, keySize) = ReadNode(depth + 1);
            if (key is not YamlScalar keyScalar)
            {
                throw new FrontMatterException("a key must be a plain string, not a map or a list", key.Line, key.Column);
            }

            if (!seen.Add(keyScalar.Value))
            {
                throw new FrontMatterException($"duplicate key '{keyScalar.Value}'", FileLine(keyEvent.Start), (int)keyEvent.Start.Column);
            }

            var (value, valueSize) = ReadNode(depth + 1);
            entries.Add(new(keyScalar.Value, value));
            size += keySize + valueSize;
        }

        return (new YamlMap(entries, line, column), size);
    }

    /// <summary>Lines in the file, not in the YAML text: the front matter starts below the opening delimiter.</summary>
    private int FileLine(Mark mark) => (int)mark.Line + firstLine - 1;

    private void Count(Measure measure, int line, int column)
    {
        _nodes += measure.Nodes;
        _chars += measure.Chars;
        if (_nodes > limits.MaxNodes)
        {
            throw new FrontMatterException($"front matter expands to more than {limits.MaxNodes} nodes (aliases counted as expanded)", line, column);
        }

        if (_chars > limits.MaxChars)
        {
            throw new FrontMatterException($"front matter expands to more than {limits.MaxChars} characters (aliases counted as expanded)", line, column);
        }
    }

    /// <summary>What a node stands for once its aliases are expanded: nodes and characters of text.</summary>
    private readonly record struct Measure(long Nodes, long Chars)
    {
        public static Measure operator +(Measure left, Measure right) => new(left.Nodes + right.Nodes, left.Chars + right.Chars);
    }
}
