using System.Diagnostics;
using ArticleApi.Import.Reading;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Import.Reading;

/// <summary>The read-ahead opens only what the reader would, and never waits on what it meets.</summary>
public sealed class ReadAheadTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task ANamedPipeADeviceAndAMissingFileAmongTheFilesAreLeftAloneAndTheCallReturns()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "posix_fadvise and named pipes are Linux here");
        var regular = _folder.Write("a.md", "---\ntitle: read ahead\n---\n");
        var pipe = _folder.Combine("pipe.md");
        using (var mkfifo = Process.Start("mkfifo", pipe))
        {
            await mkfifo.WaitForExitAsync();
        }

        // Each with a length, as a scan may have seen a regular file there before it was swapped for something else.
        SourceFile[] files = [File(regular), File(pipe), File("/dev/zero"), File(_folder.Combine("gone.md"))];

        // Opening the pipe for reading would wait for a writer for ever: a bound turns that hang into a failure.
        await Task.Run(() => ReadAhead.Advise(files, maxFileBytes: 1024)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("---\ntitle: read ahead\n---\n", await System.IO.File.ReadAllTextAsync(regular));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, 2L)]
    [InlineData(1024, 1025L)]
    [InlineData(1025, null)]
    [InlineData(10_000_000_000, null)]
    public void AFileIsAskedForAsFarAsTheReaderReadsItAndNotAtAllOverTheLimit(long length, long? asked) =>
        Assert.Equal(asked, ReadAhead.Length(new SourceFile("a.md", "/a.md", length, Now), maxFileBytes: 1024));

    private static SourceFile File(string path) => new(Path.GetFileName(path), path, 100, Now);
}
