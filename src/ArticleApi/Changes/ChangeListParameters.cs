using Microsoft.AspNetCore.Mvc;

namespace ArticleApi.Changes;

/// <summary>Query string of <c>/changes</c>.</summary>
internal sealed record ChangeListParameters
{
    [FromQuery(Name = "since")]
    public string? Since { get; init; }

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }
}
