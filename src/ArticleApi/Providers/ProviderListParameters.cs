using Microsoft.AspNetCore.Mvc;

namespace ArticleApi.Providers;

/// <summary>Query string of <c>/providers</c>.</summary>
internal sealed record ProviderListParameters
{
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}
