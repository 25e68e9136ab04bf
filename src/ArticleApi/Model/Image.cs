namespace ArticleApi.Model;

/// <summary>An image as written in front matter; owned by the article (or related link) that lists it.</summary>
internal sealed class Image
{
    /// <summary>Position in the file's list, so images come back in the order written.</summary>
    public int Position { get; set; }

    public required string Url { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public string? Title { get; set; }

    public bool? IsCached { get; set; }

    /// <summary>Image keys beyond the known ones, as a JSON object.</summary>
    public string? Extra { get; set; }
}
