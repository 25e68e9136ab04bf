namespace ArticleApi.Articles;

/// <summary>One list item as the JSON object a page writes for it, with its id's UTF-8 (a page's cursor names the last id).</summary>
internal readonly record struct RenderedItem(ReadOnlyMemory<byte> Id, ReadOnlyMemory<byte> Json);
