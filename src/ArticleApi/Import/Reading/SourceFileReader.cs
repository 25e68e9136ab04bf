using System.Security.Cryptography;
using ArticleApi.Import.Reading.FrontMatter;

namespace ArticleApi.Import.Reading;

/// <summary>
/// Reads, hashes, parses and maps one file. Touches nothing shared, so a pass runs it on several files at once.
/// </summary>
internal sealed class SourceFileReader(FrontMatterParser parser, long maxFileBytes)
{
    public async Task<FileOutcome> ReadAsync(SourceFile file, string id, StoredArticle? existing, DateTimeOffset importedAt, CancellationToken cancellationToken)
    {
        var pathBytes = System.Text.Encoding.UTF8.GetByteCount(file.RelativePath);
        if (pathBytes > YamlValues.MaxIndexedBytes)
        {
            // The path and the id made from it are indexed (see YamlValues.MaxIndexedBytes).
            return new FileOutcome.Failed(0, 0, $"the path is {pathBytes} bytes long, over the limit of {YamlValues.MaxIndexedBytes}");
        }

        if (file.Length > maxFileBytes)
        {
            return new FileOutcome.Failed(0, 0, $"file is {file.Length} bytes, over the limit of {maxFileBytes} bytes (Import:MaxFileBytes)");
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file.FullPath, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome.Failed(0, 0, "cannot read the file: " + exception.Message);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (existing is not null && existing.Id == id && existing.ContentHash == hash)
        {
            return new FileOutcome.SameContent(existing.Key);
        }

        var mapping = parser.Parse(bytes) switch
        {
            FrontMatterResult.Parsed parsed => ItemMapper.Map(parsed.FrontMatter, parsed.Body),
            FrontMatterResult.NotAnItem notAnItem => new ItemMapping.NotAnItem(notAnItem.Reason),
            FrontMatterResult.Broken broken => new ItemMapping.Broken(broken.Error),
            _ => throw new InvalidOperationException("unknown parse result"),
        };

        switch (mapping)
        {
            case ItemMapping.Item item:
                var article = item.Article;
                article.Id = id;
                article.SourcePath = file.RelativePath;
                article.ContentHash = hash;
                article.FileLength = file.Length;
                article.FileModifiedAt = file.ModifiedAt;
                article.ImportedAt = importedAt;
                return new FileOutcome.Item(article, item.TopicNames);
            case ItemMapping.NotAnItem notAnItem:
                return new FileOutcome.Skipped(notAnItem.Reason);
            case ItemMapping.Broken broken:
                return new FileOutcome.Failed(broken.Error.Line, broken.Error.Column, broken.Error.Reason);
            default:
                throw new InvalidOperationException("unknown mapping");
        }
    }
}
