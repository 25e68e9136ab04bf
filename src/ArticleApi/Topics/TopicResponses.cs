using Microsoft.AspNetCore.Mvc;

namespace ArticleApi.Topics;

/// <summary>A topic and how many articles carry it (only published or unpublished ones when <c>published</c> is given).</summary>
internal sealed record TopicResponse(string Name, string Slug, int ArticleCount);

internal sealed record TopicList(IReadOnlyList<TopicResponse> Items);

/// <summary>Query string of <c>/topics</c>.</summary>
internal sealed record TopicListParameters
{
    [FromQuery(Name = "published")]
    public string? Published { get; init; }
}
