using ArticleApi.Providers;
using ArticleApi.Topics;

namespace ArticleApi.Model;

/// <summary>One imported item (article, video, course, collection, download), as its file described it.</summary>
internal sealed class Article
{
    /// <summary>Database key: an integer row id so joins and the full-text index stay compact.</summary>
    public long Key { get; set; }

    /// <summary>Public, URL-safe id derived from the file's relative path (the importer's <c>ArticleIdentity</c>).</summary>
    public required string Id { get; set; }

    public required string SourcePath { get; set; }

    public required string ContentHash { get; set; }

    /// <summary>File size when last read: with <see cref="FileModifiedAt"/>, lets a re-scan skip unchanged files without reading them.</summary>
    public long FileLength { get; set; }

    public DateTimeOffset FileModifiedAt { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public required string Title { get; set; }

    public string? Excerpt { get; set; }

    public DateTimeOffset? PublishedDateTime { get; set; }

    public string? WebUrl { get; set; }

    public string? OriginalUrl { get; set; }

    public string? AmpWebUrl { get; set; }

    public string? CdnAmpWebUrl { get; set; }

    /// <summary>The link users follow: webUrl, else originalUrl. Related links resolve against it.</summary>
    public string? Link { get; set; }

    public string? Type { get; set; }

    public string? Category { get; set; }

    public int? Quality { get; set; }

    public int? Heat { get; set; }

    public bool? Published { get; set; }

    /// <summary>The provider's domain as written; the provider row is shared by every article of that domain.</summary>
    public string? ProviderDomain { get; set; }

    public Provider? Provider { get; set; }

    /// <summary>The provider's name as this file wrote it (files of one domain may name it differently).</summary>
    public string? ProviderName { get; set; }

    /// <summary>Provider keys beyond name, domain and images (for example <c>authors</c>), as a JSON object.</summary>
    public string? ProviderExtra { get; set; }

    public string? Secured { get; set; }

    public string Body { get; set; } = "";

    /// <summary>Front-matter keys the model does not know, as a JSON object, served back under <c>extra</c>.</summary>
    public string? Extra { get; set; }

    /// <summary>
    /// The topics as a list shows them, <c>[[name as written, slug], ...]</c> in the file's order (null: none): a copy of
    /// <see cref="Topics"/> written with the row, so that a page reads one row per article instead of two joins per row.
    /// Safe to copy: a link's name is the one its file wrote, and a topic's own name never changes while linked.
    /// </summary>
    public string? ListTopics { get; set; }

    /// <summary>The first image as a list shows it, <c>[url, width, height]</c> (null: none): a copy written with the row, like <see cref="ListTopics"/>.</summary>
    public string? ListImage { get; set; }

    public List<Image> Images { get; set; } = [];

    public List<Image> ProviderImages { get; set; } = [];

    public List<ArticleTopic> Topics { get; set; } = [];

    public List<RelatedLink> Related { get; set; } = [];
}
