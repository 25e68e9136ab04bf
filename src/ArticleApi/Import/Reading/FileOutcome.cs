using ArticleApi.Articles;
using ArticleApi.Model;

namespace ArticleApi.Import.Reading;

/// <summary>What reading one changed-looking file decided.</summary>
internal abstract record FileOutcome
{
    private FileOutcome()
    {
    }

    /// <summary>Same bytes as stored; only the file's stat moved.</summary>
    internal sealed record SameContent(long Key) : FileOutcome;

    internal sealed record Item(Article Article, IReadOnlyList<string> TopicNames) : FileOutcome;

    internal sealed record Skipped(string Reason) : FileOutcome;

    internal sealed record Failed(int Line, int Column, string Reason) : FileOutcome;
}
