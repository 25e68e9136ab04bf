using ArticleApi.Import.Reading;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Import.Reading;

public sealed class ScannedFilesTests
{
    private static readonly DateTimeOffset Modified = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

    [Fact]
    public void TheScanListsFilesInPathOrderAcrossFolders()
    {
        // '-' < '.' < '/' < '0': the files of folder "a" sort between "a.md" and "a0.md", not after every name.
        using var folder = new TempFolder();
        foreach (var path in new[] { "a0.md", "a/b.md", "a.md", "a-c.md", "a/a/z.md", "B.md", "é.md" })
        {
            folder.Write(path, "x");
        }

        var scan = SourceScanner.Scan(folder.Path, []);

        Assert.Equal(["B.md", "a-c.md", "a.md", "a/a/z.md", "a/b.md", "a0.md", "é.md"], scan.Files.Paths);
        Assert.Equal(Path.Combine(folder.Path, "a", "a", "z.md"), scan.Files.FileAt(3).FullPath);
        Assert.Equal(1, scan.Files.FileAt(3).Length);
    }

    [Fact]
    public void APathIsFoundByItsTextAndAMissingOneIsNot()
    {
        var files = new ScannedFiles("/src");
        string[] paths = ["a.md", "b/c.md", "b/d.md", "ü/x.md", "𝔸.md"];
        foreach (var path in paths)
        {
            files.Add(path, path.Length, Modified);
        }

        Assert.Equal([0, 1, 2, 3, 4], paths.Select(files.IndexOf));
        // Out of order too, and a path after the last one found that is not the next one.
        Assert.Equal([3, 0, 4, 2, 1], new[] { "ü/x.md", "a.md", "𝔸.md", "b/d.md", "b/c.md" }.Select(files.IndexOf));
        Assert.Equal(-1, files.IndexOf("b/e.md"));
        Assert.Equal(-1, files.IndexOf(""));
        Assert.Equal(new SourceFile("ü/x.md", "/src/ü/x.md", 6, Modified), files.FileAt(3));
        Assert.True(files.HasStat(1, 6, Modified));
        Assert.False(files.HasStat(1, 6, Modified.AddMilliseconds(1)));
    }

    [Fact]
    public void AFileReachedThroughALinkKeepsItsRealPath()
    {
        var files = new ScannedFiles("/src");
        files.Add("link.md", 3, Modified, realPath: "/src/real/file.md");

        Assert.Equal("/src/real/file.md", files.FileAt(0).FullPath);
    }

    [Fact]
    public void AMillionBytesOfPathsSpanChunksAndStayFindable()
    {
        var files = new ScannedFiles("/src");
        var paths = Enumerable.Range(0, 40_000).Select(n => $"{n:D6}/{new string('p', 40)}.md").ToList();
        paths.ForEach(path => files.Add(path, 1, Modified));

        Assert.Equal(40_000, files.Count);
        Assert.Equal(paths[23_456], files.PathAt(23_456));
        Assert.Equal(39_999, files.IndexOf(paths[^1]));
    }

    [Theory]
    [InlineData("a", "b", -1)]
    [InlineData("a", "a", 0)]
    [InlineData("a/b", "a.b", 1)]
    [InlineData("ab", "a", 1)]
    [InlineData("\uFF5E", "𝔸", -1)] // U+FF5E sorts before U+1D538, though its UTF-16 unit is above the surrogate's
    public void PathOrderIsTheOrderOfCodePoints(string left, string right, int sign)
    {
        Assert.Equal(sign, Math.Sign(PathOrder.Compare(left, right)));
        Assert.Equal(sign, Math.Sign(System.Text.Encoding.UTF8.GetBytes(left).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(right))));
    }
}
