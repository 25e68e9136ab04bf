using ArticleApi.Import.Reading.FrontMatter;

namespace ArticleApi.Import.Reading;

/// <summary>
/// Reads, hashes, parses and maps one file. Touches nothing shared, so a pass runs it on several files at once.
/// </summary>
internal sealed class SourceFileReader(FrontMatterParser parser, long maxFileBytes)
{
    public async Task<FileOutcome> ReadAsync(SourceFile file, string id, StoredVersion? existing, DateTimeOffset importedAt, CancellationToken cancellationToken)
    {
        var pathBytes = System.Text.Encoding.UTF8.GetByteCount(file.RelativePath);
        if (pathBytes > YamlValues.MaxIndexedBytes)
        {
            // The path and the id made from it are indexed (see YamlValues.MaxIndexedBytes).
            return new FileOutcome.Failed(0, 0, $"the path is {pathBytes} bytes long, over the limit of {YamlValues.MaxIndexedBytes}");
        }

        if (file.Length > maxFileBytes)
        {
            return TooLarge(file.Length);
        }

        if (FileKind.DescribeIfNotRegular(file.FullPath) is { } kind)
        {
            return new FileOutcome.Failed(0, 0, $"not a regular file ({kind}): not read");
        }

        byte[] bytes;
        try
        {
            bytes = await ReadAtMostAsync(file.FullPath, maxFileBytes + 1, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome.Failed(0, 0, "cannot read the file: " + exception.Message);
        }

        if (bytes.Length > maxFileBytes)
        {
            // It grew after the scan, or its reported length was not its content: the limit is on what is read.
            return TooLarge(bytes.Length, atLeast: true);
        }

        var digest = ContentDigest.Of(bytes);
        if (existing is { SameId: true } stored && stored.Digest == digest)
        {
            return new FileOutcome.SameContent(stored.Key);
        }

        var outcome = parser.Parse(bytes) switch
        {
            FrontMatterResult.Parsed parsed => ItemMapper.Map(parsed.FrontMatter, parsed.Body),
            FrontMatterResult.NotAnItem notAnItem => new FileOutcome.Skipped(notAnItem.Reason),
            FrontMatterResult.Broken broken => new FileOutcome.Failed(broken.Error.Line, broken.Error.Column, broken.Error.Reason),
            _ => throw new InvalidOperationException("unknown parse result"),
        };

        if (outcome is FileOutcome.Item item)
        {
            var article = item.Article;
            article.Id = id;
            article.SourcePath = file.RelativePath;
            article.ContentHash = digest.ToString();
            article.FileLength = file.Length;
            article.FileModifiedAt = file.ModifiedAt;
            article.ImportedAt = importedAt;
        }

        return outcome;
    }

    /// <summary>The one answer to a file over <c>Import:MaxFileBytes</c>, by its reported length or by what was read.</summary>
    private FileOutcome.Failed TooLarge(long length, bool atLeast = false) =>
        new(0, 0, $"file is {(atLeast ? "at least " : "")}{length} bytes, over the limit of {maxFileBytes} bytes (Import:MaxFileBytes)");

    /// <summary>Reads up to <paramref name="limit"/> bytes, whatever length the file claims.</summary>
    private static async Task<byte[]> ReadAtMostAsync(string path, long limit, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < limit)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
