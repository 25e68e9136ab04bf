using ArticleApi.Articles;
using ArticleApi.Http;
using Microsoft.AspNetCore.Mvc;

namespace ArticleApi.Providers;

/// <summary>A publisher with its logo (when a file gave one) and how many articles it has.</summary>
internal sealed record ProviderResponse(string Domain, string Name, ImageSummary? Logo, int ArticleCount);

/// <summary>A page of providers; <c>next</c> is the URL of the following page, null on the last.</summary>
internal sealed record ProviderList(IReadOnlyList<ProviderResponse> Items, string? Next);

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
