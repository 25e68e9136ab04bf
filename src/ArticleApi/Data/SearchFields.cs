namespace ArticleApi.Data;

/// <summary>
/// The fields a search looks in (<c>searchIn</c>): title and excerpt unless asked otherwise, so a search means what it
/// meant before the body was indexed; the markdown body when named.
/// </summary>
[Flags]
internal enum SearchFields
{
    Title = 1,
    Excerpt = 2,
    Body = 4,
    Default = Title | Excerpt,
    All = Title | Excerpt | Body,
}
