using ArticleApi.Http;
using ArticleApi.Import.Reading;
using Microsoft.AspNetCore.Mvc;

namespace ArticleApi.Topics;

/// <summary>A topic and how many articles carry it (only published or unpublished ones when <c>published</c> is given).</summary>
internal sealed record TopicResponse(string Name, string Slug, int ArticleCount);

/// <summary>A page of topics; <c>next</c> is the URL of the following page, null on the last.</summary>
internal sealed record TopicList(IReadOnlyList<TopicResponse> Items, string? Next);

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
