namespace ArticleApi.Http;

/// <summary>The <c>Cors</c> section: which browser origins may call the API. Empty (the default) sends no CORS headers.</summary>
internal sealed class ApiCorsOptions
{
    public const string SectionName = "Cors";

    /// <summary>Origins such as <c>https://news.example</c>: scheme, host and optional port, no path.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public bool IsValid() => AllowedOrigins.All(origin =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && !origin.EndsWith('/'));
}
