using ArticleApi.Articles;
using Microsoft.AspNetCore.Mvc;

namespace ArticleApi.Providers;

/// <summary>A publisher with its logo (when a file gave one) and how many articles it has.</summary>
internal sealed record ProviderResponse(string Domain, string Name, ImageSummary? Logo, int ArticleCount);

internal sealed record ProviderList(IReadOnlyList<ProviderResponse> Items);

/// <summary>Query string of <c>/providers</c>.</summary>
internal sealed record ProviderListParameters
{
    [FromQuery(Name = "q")]
    public string? Q { get; init; }
}
