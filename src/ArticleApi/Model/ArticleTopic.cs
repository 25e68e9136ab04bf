namespace ArticleApi.Model;

/// <summary>The article-topic join, with the position the topic had in the file's list.</summary>
internal sealed class ArticleTopic
{
    public long ArticleKey { get; set; }

    public int TopicId { get; set; }

    public Topic? Topic { get; set; }

    public int Position { get; set; }

    /// <summary>The name as this file wrote it, when it differs from the topic's canonical name.</summary>
    public string? NameAsWritten { get; set; }
}
