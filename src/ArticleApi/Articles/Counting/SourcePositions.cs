using System.Buffers;
using System.Numerics;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// Where the rows of a match set lie in the copied columns they were selected from (<see cref="ProjectedMatches"/>):
/// per part of the source, bit i of word w set when the row at position First + 64w + i is in the set, each row at
/// one position only. The set's facets are then counted from values copied in the source's order, read one after the
/// other (<see cref="FacetRecords"/>, <see cref="CountFlags"/>), instead of one scattered read per matching row of
/// arrays over every row. The words are borrowed from the shared pool.
/// </summary>
internal sealed class SourcePositions : IDisposable
{
    private readonly ulong[]?[] _words;

    public SourcePositions(IReadOnlyList<ProjectedPart> parts)
    {
        Parts = parts;
        _words = new ulong[parts.Count][];
        for (var part = 0; part < parts.Count; part++)
        {
            var count = WordCount(parts[part]);
            _words[part] = ArrayPool<ulong>.Shared.Rent(count);
            Array.Clear(_words[part]!, 0, count);
        }
    }

    public IReadOnlyList<ProjectedPart> Parts { get; }

    /// <summary>Whether every part's copies hold their rows' facet records (<see cref="SourceColumns.Records"/>).</summary>
    public bool HaveRecords => Parts.All(part => part.Columns.Records is not null);

    /// <summary>The positions of part <paramref name="part"/> in the set: bit i of word w for position First + 64w + i.</summary>
    public Span<ulong> Words(int part) =>
        (_words[part] ?? throw new ObjectDisposedException(nameof(SourcePositions))).AsSpan(0, WordCount(Parts[part]));

    /// <summary>How many rows of the set say they are published and how many say they are not.</summary>
    public (int Published, int Unpublished) CountFlags()
    {
        var (published, unpublished) = (0, 0);
        for (var part = 0; part < Parts.Count; part++)
        {
            var (copied, first) = (Parts[part].Columns, Parts[part].First);
            var words = Words(part);
            for (var word = 0; word < words.Length; word++)
            {
                if (words[word] is var positions and not 0)
                {
                    published += BitOperations.PopCount(positions & copied.Flagged(first + (word * 64), 1));
                    unpublished += BitOperations.PopCount(positions & copied.Flagged(first + (word * 64), 0));
                }
            }
        }

        return (published, unpublished);
    }

    public void Dispose()
    {
        for (var part = 0; part < _words.Length; part++)
        {
            if (_words[part] is { } words)
            {
                _words[part] = null;
                ArrayPool<ulong>.Shared.Return(words);
            }
        }
    }

    private static int WordCount(ProjectedPart part) => (part.End - part.First + 63) / 64;
}
