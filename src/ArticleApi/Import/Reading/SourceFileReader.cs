using System.Buffers;
using ArticleApi.Import.Reading.FrontMatter;

namespace ArticleApi.Import.Reading;

/// <summary>
/// Reads, hashes, parses and maps one file. Touches nothing shared, so a pass runs it on several files at once.
/// </summary>
internal sealed class SourceFileReader(FrontMatterParser parser, long maxFileBytes)
{
    public FileOutcome Read(SourceFile file, string id, StoredVersion? existing, DateTimeOffset importedAt)
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

        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes(file.Length, maxFileBytes));
        try
        {
            int length;
            try
            {
                length = ReadAtMost(file.FullPath, ref buffer, maxFileBytes + 1);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return new FileOutcome.Failed(0, 0, "cannot read the file: " + exception.Message);
            }

            if (length > maxFileBytes)
            {
                // It grew after the scan, or its reported length was not its content: the limit is on what is read.
                return TooLarge(length, atLeast: true);
            }

            return Decode(buffer.AsSpan(0, length), file, id, existing, importedAt);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Hashes, parses and maps the bytes read; nothing of <paramref name="bytes"/> is kept.</summary>
    private FileOutcome Decode(ReadOnlySpan<byte> bytes, SourceFile file, string id, StoredVersion? existing, DateTimeOffset importedAt)
    {
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

    /// <summary>One byte more than the scan saw, so that the first read also finds the end of an unchanged file.</summary>
    private static int InitialBufferBytes(long scannedLength, long maxFileBytes) =>
        (int)Math.Clamp(Math.Min(scannedLength, maxFileBytes) + 1, 1, Array.MaxLength);

    /// <summary>
    /// Reads up to <paramref name="limit"/> bytes into <paramref name="buffer"/> (a pooled array, swapped for a larger
    /// one when the file is longer than it), whatever length the file claims; returns how many were read. Plain
    /// positional reads on a handle: an import reads many small files, and a stream's machinery per file cost more
    /// than the read itself.
    /// </summary>
    private static int ReadAtMost(string path, ref byte[] buffer, long limit)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var length = 0;
        while (length < limit)
        {
            if (length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Min(2L * buffer.Length, limit), Array.MaxLength));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = RandomAccess.Read(handle, buffer.AsSpan(length, (int)Math.Min(buffer.Length - length, limit - length)), length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return length;
    }
}
