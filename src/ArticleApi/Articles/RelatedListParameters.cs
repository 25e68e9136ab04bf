using Microsoft.AspNetCore.Mvc;

namespace ArticleApi.Articles;

/// <summary>Query string of <c>/related</c>.</summary>
internal sealed record RelatedListParameters
{
    [FromQuery(Name = "domain")]
    public string? Domain { get; init; }

    [FromQuery(Name = "url")]
    public string? Url { get; init; }

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}
