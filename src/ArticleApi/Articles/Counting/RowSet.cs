using System.Buffers;
using System.Numerics;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// A set of rows of <see cref="ArticleColumns"/> as one bit per row, its words borrowed from the shared pool: at a
/// million articles a set is 125 KB, which would otherwise be a large-object allocation on every request. A kept set
/// (<see cref="Kept"/>) owns its words instead, and disposing it does nothing: many requests share it. A set read from
/// copied columns carries where its rows lie in them (<see cref="Positions"/>) until it is written to.
/// </summary>
internal sealed class RowSet : IDisposable
{
    private readonly bool _pooled;
    private ulong[]? _words;

    // The count once made, until the set is written to again (-1: not made): a request's total, facets and page
    // budget each ask for it, and each count is a pass over every word.
    private int _count = -1;
    private SourcePositions? _positions;
    private int _positionsCount;

    public RowSet(int rows)
        : this(rows, pooled: true)
    {
    }

    private RowSet(int rows, bool pooled)
    {
        WordCount = (rows + 63) / 64;
        _pooled = pooled;
        _words = pooled ? ArrayPool<ulong>.Shared.Rent(WordCount) : new ulong[WordCount];
        Array.Clear(_words, 0, WordCount);
    }

    /// <summary>An empty set whose words are its own, to keep and share between requests; <see cref="Dispose"/> leaves it whole.</summary>
    public static RowSet Kept(int rows) => new(rows, pooled: false);

    /// <summary>How many 64-row words the set has: the last one may be partial.</summary>
    public int WordCount { get; }

    /// <summary>The set's words to write, row r at bit r % 64 of word r / 64: filters work a word at a time.</summary>
    public Span<ulong> Bits
    {
        get
        {
            _count = -1;
            Drop();
            return Words.AsSpan(0, WordCount);
        }
    }

    /// <summary>The set's words to read, as <see cref="Bits"/> lays them out: counts work a word at a time.</summary>
    public ReadOnlySpan<ulong> Read => Words.AsSpan(0, WordCount);

    /// <summary>The rented array behind <see cref="Bits"/>, maybe longer than <see cref="WordCount"/>: to keep beside other bitmaps.</summary>
    public ulong[] Words => _words ?? throw new ObjectDisposedException(nameof(RowSet));

    /// <summary>
    /// Where the set's rows lie in the copied columns it was selected from (<see cref="ProjectedMatches"/>), owned by
    /// the set; null when it was built otherwise, or written to since (through <see cref="Bits"/>, or a row added).
    /// </summary>
    // An added row changes the count, which is kept anyway: checked here rather than paid for by every Add.
    public SourcePositions? Positions => _positions is not null && Count == _positionsCount ? _positions : null;

    /// <summary>Gives the set <paramref name="positions"/>, those of its rows as they are now.</summary>
    public void SetPositions(SourcePositions positions)
    {
        Drop();
        (_positions, _positionsCount) = (positions, Count);
    }

    public int Count
    {
        get
        {
            if (_count >= 0)
            {
                return _count;
            }

            var count = 0;
            foreach (var word in Words.AsSpan(0, WordCount))
            {
                count += BitOperations.PopCount(word);
            }

            return _count = count;
        }
    }

    public void Add(int row)
    {
        _count = -1;
        Words[row >> 6] |= 1UL << (row & 63);
    }

    /// <summary>Adds <paramref name="row"/> when the set does not hold it yet: true when it was added.</summary>
    public bool AddNew(int row)
    {
        ref var word = ref Words[row >> 6];
        var bit = 1UL << (row & 63);
        if ((word & bit) != 0)
        {
            return false;
        }

        _count = -1;
        word |= bit;
        return true;
    }

    public void AddAll(ReadOnlySpan<int> rows)
    {
        _count = -1;
        var words = Words;
        foreach (var row in rows)
        {
            words[row >> 6] |= 1UL << (row & 63);
        }
    }

    public bool Contains(int row) => (Words[row >> 6] & (1UL << (row & 63))) != 0;

    /// <summary>How many of <paramref name="rows"/> are in the set.</summary>
    public int CountOf(ReadOnlySpan<int> rows)
    {
        var words = Words;
        var count = 0;
        foreach (var row in rows)
        {
            count += (int)((words[row >> 6] >> (row & 63)) & 1);
        }

        return count;
    }

    /// <summary>How many rows are in both this set and <paramref name="other"/> (words of the same rows).</summary>
    public int CountAnd(ReadOnlySpan<ulong> other)
    {
        var words = Read;
        var count = 0;
        for (var i = 0; i < words.Length; i++)
        {
            count += BitOperations.PopCount(words[i] & other[i]);
        }

        return count;
    }

    /// <summary>The rows in the set, ascending.</summary>
    public Enumerator GetEnumerator() => new(Words, WordCount);

    /// <summary>The rows in <paramref name="count"/> words of the set from word <paramref name="first"/> on, ascending.</summary>
    public Enumerator Range(int first, int count) => new(Words, Math.Min(WordCount, first + count), first);

    public void Dispose()
    {
        Drop();
        if (_pooled && _words is { } words)
        {
            _words = null;
            ArrayPool<ulong>.Shared.Return(words);
        }
    }

    private void Drop()
    {
        _positions?.Dispose();
        _positions = null;
    }

    internal struct Enumerator(ulong[] words, int wordCount, int firstWord = 0)
    {
        private int _word = firstWord - 1;
        private ulong _rest;

        public int Current { get; private set; }

        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_rest == 0)
            {
                if (++_word >= wordCount)
                {
                    return false;
                }

                _rest = words[_word];
                if (_rest == 0 && _word + 1 < wordCount && words[_word + 1] == 0)
                {
                    // A set of a few hundred rows among a million is mostly empty words: a run of them is skipped by a
                    // vectorized search rather than word by word.
                    var next = words.AsSpan(_word, wordCount - _word).IndexOfAnyExcept(0UL);
                    _word = next < 0 ? wordCount : _word + next;
                    _rest = next < 0 ? 0 : words[_word];
                }
            }

            Current = (_word << 6) + BitOperations.TrailingZeroCount(_rest);
            _rest &= _rest - 1;
            return true;
        }
    }
}
