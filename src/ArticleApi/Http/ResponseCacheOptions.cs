using System.ComponentModel.DataAnnotations;

namespace ArticleApi.Http;

/// <summary>The <c>ResponseCache</c> section: whole responses kept in memory, keyed by the data version.</summary>
internal sealed class ResponseCacheOptions
{
    public const string SectionName = "ResponseCache";

    /// <summary>Serve repeated GETs from memory until the data version moves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Memory the cached responses may take, in MiB; the least recently used go first.</summary>
    [Range(1, 16_384, ErrorMessage = "ResponseCache:SizeLimitMegabytes must be between 1 and 16384.")]
    public int SizeLimitMegabytes { get; set; } = 64;
}
