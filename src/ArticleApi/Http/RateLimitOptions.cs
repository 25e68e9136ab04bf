using System.ComponentModel.DataAnnotations;

namespace ArticleApi.Http;

/// <summary>
/// The <c>RateLimiting</c> section: requests each client (by IP address) may make to the API per window. Off by default
/// (0): put limits where the API is public; probes (<c>/health/*</c>) and Swagger are never limited.
/// </summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting";

    public const string PolicyName = "per-client";

    /// <summary>Requests per client per window; 0 turns limiting off.</summary>
    [Range(0, 1_000_000, ErrorMessage = "RateLimiting:PermitsPerWindow must be between 0 and 1000000.")]
    public int PermitsPerWindow { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "RateLimiting:Window must be between 00:00:01 and 01:00:00.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests a client may have waiting once its permits are used, served as the window turns (0: refused at once).</summary>
    [Range(0, 10_000, ErrorMessage = "RateLimiting:QueueLimit must be between 0 and 10000.")]
    public int QueueLimit { get; set; }
}
