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
    public void FilesOverTheSizeLimitFailUnread()
    {
        var path = _folder.Write("a.md", "---\ntitle: long enough\n---\n");

        var outcome = Read(path, new FileInfo(path).Length, maxFileBytes: 10);

        Assert.Equal(new FileOutcome.Failed(0, 0, "file is 27 bytes, over the limit of 10 bytes (Import:MaxFileBytes)"), outcome);
    }

    [Fact]
    public void TheLimitHoldsOnTheBytesReadWhateverLengthTheFileReported()
    {
        var path = _folder.Write("a.md", "---\ntitle: long enough\n---\n");

        var outcome = Read(path, reportedLength: 5, maxFileBytes: 10);

        Assert.Equal(new FileOutcome.Failed(0, 0, "file is at least 11 bytes, over the limit of 10 bytes (Import:MaxFileBytes)"), outcome);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(100_000)]
    public void AFileIsReadWholeWhateverLengthTheScanSaw(long reportedLength)
    {
        var body = string.Concat(Enumerable.Repeat("A line of the body.\n", 2_000));
        var path = _folder.Write("a.md", "---\ntitle: long enough\n---\n" + body);

        var outcome = Read(path, reportedLength, maxFileBytes: 1024 * 1024);

        var item = Assert.IsType<FileOutcome.Item>(outcome);
        Assert.Equal("long enough", item.Article.Title);
        Assert.Equal(body, item.Article.Body);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), item.Article.ContentHash);
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
        var outcome = Read(path, reportedLength: 0, maxFileBytes: 1024);

        Assert.Equal(new FileOutcome.Failed(0, 0, "not a regular file (a named pipe): not read"), outcome);
    }

    [SkippableFact]
    public void ADeviceIsNeverRead()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "devices and statx are Linux here");

        var outcome = Read("/dev/zero", reportedLength: 0, maxFileBytes: 1024);

        Assert.Equal(new FileOutcome.Failed(0, 0, "not a regular file (a device): not read"), outcome);
    }

    private static FileOutcome Read(string path, long reportedLength, long maxFileBytes) =>
        new SourceFileReader(new FrontMatterParser(FrontMatterLimits.Default), maxFileBytes)
            .Read(new SourceFile(Path.GetFileName(path), path, reportedLength, Now), "a", null, Now);
}
