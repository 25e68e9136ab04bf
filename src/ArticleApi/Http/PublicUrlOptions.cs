namespace ArticleApi.Http;

/// <summary>
/// The <c>Api</c> section: where clients reach the API. Links the API writes (<c>next</c>, <c>Link</c>) are relative
/// unless <see cref="PublicBaseUrl"/> is set; they never come from the request's <c>Host</c> header, which a client
/// chooses and a shared cache would then hand to everyone else.
/// </summary>
internal sealed class PublicUrlOptions
{
    public const string SectionName = "Api";

    /// <summary>For example <c>https://api.news.example</c> (scheme, host, optional port and path, no query); empty for relative links.</summary>
    public string? PublicBaseUrl { get; set; }

    public bool IsValid() => string.IsNullOrEmpty(PublicBaseUrl)
        || (Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0);
}
