using System.Diagnostics;
using ArticleApi.Import.Reading;
using ArticleApi.Import.Reading.FrontMatter;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Import.Reading;

/// <summary>The one place a file's size is bounded, and the files that are never opened.</summary>
public sealed class SourceFileReaderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task FilesOverTheSizeLimitFailUnread()
    {
        var path = _folder.Write("a.md", "---\ntitle: long enough\n---\n");

        var outcome = await ReadAsync(path, new FileInfo(path).Length, maxFileBytes: 10);

        Assert.Equal(new FileOutcome.Failed(0, 0, "file is 27 bytes, over the limit of 10 bytes (Import:MaxFileBytes)"), outcome);
    }

    [Fact]
    public async Task TheLimitHoldsOnTheBytesReadWhateverLengthTheFileReported()
    {
        var path = _folder.Write("a.md", "---\ntitle: long enough\n---\n");

        var outcome = await ReadAsync(path, reportedLength: 5, maxFileBytes: 10);

        Assert.Equal(new FileOutcome.Failed(0, 0, "file is at least 11 bytes, over the limit of 10 bytes (Import:MaxFileBytes)"), outcome);
    }

    [SkippableFact]
    public async Task ANamedPipeIsNeverOpened()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "named pipes and statx are Linux here");
        var path = _folder.Combine("pipe.md");
        using (var mkfifo = Process.Start("mkfifo", path))
        {
            await mkfifo.WaitForExitAsync();
        }

        // Opening it would block until a writer came: the test would hang, not fail.
        var outcome = await ReadAsync(path, reportedLength: 0, maxFileBytes: 1024);

        Assert.Equal(new FileOutcome.Failed(0, 0, "not a regular file (a named pipe): not read"), outcome);
    }

    [SkippableFact]
    public async Task ADeviceIsNeverRead()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "devices and statx are Linux here");

        var outcome = await ReadAsync("/dev/zero", reportedLength: 0, maxFileBytes: 1024);

        Assert.Equal(new FileOutcome.Failed(0, 0, "not a regular file (a device): not read"), outcome);
    }

    private static Task<FileOutcome> ReadAsync(string path, long reportedLength, long maxFileBytes) =>
        new SourceFileReader(new FrontMatterParser(FrontMatterLimits.Default), maxFileBytes)
            .ReadAsync(new SourceFile(Path.GetFileName(path), path, reportedLength, Now), "a", null, Now, CancellationToken.None);
}
