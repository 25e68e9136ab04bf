using System.Collections;
using System.Text;

namespace ArticleApi.Import.Reading;

/// <summary>
/// The files a scan found, in <see cref="PathOrder"/>, kept compactly: a million paths as UTF-8 in shared chunks and
/// their stats in one struct array, rather than three objects per file. <see cref="FileAt"/> makes the
/// <see cref="SourceFile"/> of one file when it is needed, a batch at a time.
/// </summary>
internal sealed class ScannedFiles
{
    private const int ChunkBytes = 1 << 20;

    private readonly List<byte[]> _chunks = [];
    private readonly List<Entry> _entries = [];
    // Files reached through a followed link are read at their real path, which is not the folder plus the relative path.
    private readonly Dictionary<int, string> _realPaths = [];
    private int _chunkUsed;
    private int _lastFound = -1;

    public ScannedFiles(string root)
    {
        Root = root;
        Paths = new PathList(this);
    }

    /// <summary>The source folder, full path.</summary>
    public string Root { get; }

    public int Count => _entries.Count;

    /// <summary>The relative paths, each made when asked for.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Appends a file; the scanner appends in <see cref="PathOrder"/>, which <see cref="IndexOf"/> relies on.</summary>
    public void Add(string relativePath, long length, DateTimeOffset modifiedAt, string? realPath = null)
    {
        var size = Encoding.UTF8.GetByteCount(relativePath);
        if (_chunks.Count == 0 || _chunkUsed + size > _chunks[^1].Length)
        {
            _chunks.Add(new byte[Math.Max(ChunkBytes, size)]);
            _chunkUsed = 0;
        }

        var chunk = _chunks.Count - 1;
        var offset = _chunkUsed;
        Encoding.UTF8.GetBytes(relativePath, _chunks[chunk].AsSpan(offset, size));
        _chunkUsed += size;
        // Milliseconds: the precision the database keeps, so an untouched file compares equal on the next scan.
        _entries.Add(new Entry(chunk, offset, size, length, modifiedAt.ToUnixTimeMilliseconds()));
        if (realPath is not null)
        {
            _realPaths[_entries.Count - 1] = realPath;
        }
    }

    public SourceFile FileAt(int index)
    {
        var entry = _entries[index];
        var relative = PathAt(index);
        var full = _realPaths.TryGetValue(index, out var real) ? real : Path.Join(Root, relative);
        return new SourceFile(relative, full, entry.Length, DateTimeOffset.FromUnixTimeMilliseconds(entry.ModifiedMs));
    }

    public string PathAt(int index) => Encoding.UTF8.GetString(Utf8PathAt(index));

    /// <summary>Whether the stored stat of a file is the one scanned (milliseconds: what the database keeps).</summary>
    public bool HasStat(int index, long length, DateTimeOffset modifiedAt) =>
        _entries[index].Length == length && DateTimeOffset.FromUnixTimeMilliseconds(_entries[index].ModifiedMs) == modifiedAt;

    /// <summary>The index of <paramref name="relativePath"/>, or -1 when the scan did not find it.</summary>
    public int IndexOf(string relativePath)
    {
        var size = Encoding.UTF8.GetByteCount(relativePath);
        Span<byte> probe = size <= 1024 ? stackalloc byte[size] : new byte[size];
        Encoding.UTF8.GetBytes(relativePath, probe);
        // Asked in the order the articles were stored, which is mostly the scan's (a first import writes in it): the
        // file after the last one found is tried before a search, which would touch twenty places of a large scan.
        var next = _lastFound + 1;
        if (next < _entries.Count && Utf8PathAt(next).SequenceEqual(probe))
        {
            return _lastFound = next;
        }

        var found = Search(probe);
        if (found >= 0)
        {
            _lastFound = found;
        }

        return found;
    }

    private int Search(ReadOnlySpan<byte> probe)
    {
        int low = 0, high = _entries.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = Utf8PathAt(middle).SequenceCompareTo(probe);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    private ReadOnlySpan<byte> Utf8PathAt(int index)
    {
        var entry = _entries[index];
        return _chunks[entry.Chunk].AsSpan(entry.Offset, entry.Utf8Length);
    }

    private readonly record struct Entry(int Chunk, int Offset, int Utf8Length, long Length, long ModifiedMs);

    private sealed class PathList(ScannedFiles files) : IReadOnlyList<string>
    {
        public int Count => files.Count;

        public string this[int index] => files.PathAt(index);

        public IEnumerator<string> GetEnumerator()
        {
            for (var index = 0; index < files.Count; index++)
            {
                yield return files.PathAt(index);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
