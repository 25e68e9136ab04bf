using Microsoft.AspNetCore.Mvc;

namespace ArticleApi.Topics;

/// <summary>Query string of <c>/topics</c>.</summary>
internal sealed record TopicListParameters
{
    [FromQuery(Name = "published")]
    public string? Published { get; init; }

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}
