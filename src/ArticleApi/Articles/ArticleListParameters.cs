using ArticleApi.Http;
using ArticleApi.Model;
using Microsoft.AspNetCore.Mvc;

namespace ArticleApi.Articles;

/// <summary>
/// The query string of every article list (<c>/articles</c>, <c>/topics/{slug}/articles</c>,
/// <c>/providers/{domain}/articles</c>). Everything binds as text and is validated by <see cref="ArticleQuery.Parse"/>,
/// so a bad value gets a problem response naming the parameter. Descriptions and examples for Swagger live in
/// <see cref="ParameterDocumentation"/>.
/// </summary>
internal sealed record ArticleListParameters
{
    [FromQuery(Name = "published")]
    public string? Published { get; init; }

    [FromQuery(Name = "minQuality")]
    public string? MinQuality { get; init; }

    [FromQuery(Name = "maxQuality")]
    public string? MaxQuality { get; init; }

    [FromQuery(Name = "minHeat")]
    public string? MinHeat { get; init; }

    [FromQuery(Name = "maxHeat")]
    public string? MaxHeat { get; init; }

    [FromQuery(Name = "topic")]
    public string[]? Topic { get; init; }

    [FromQuery(Name = "topicMatch")]
    public string? TopicMatch { get; init; }

    [FromQuery(Name = "provider")]
    public string[]? Provider { get; init; }

    [FromQuery(Name = "excludeTopic")]
    public string[]? ExcludeTopic { get; init; }

    [FromQuery(Name = "excludeProvider")]
    public string[]? ExcludeProvider { get; init; }

    [FromQuery(Name = "from")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    public string? To { get; init; }

    [FromQuery(Name = "type")]
    public string? Type { get; init; }

    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [FromQuery(Name = "searchIn")]
    public string[]? SearchIn { get; init; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "includeTotal")]
    public string? IncludeTotal { get; init; }

    [FromQuery(Name = "facets")]
    public string[]? Facets { get; init; }

    [FromQuery(Name = "format")]
    public string? Format { get; init; }

    [FromQuery(Name = "fields")]
    public string[]? Fields { get; init; }
}
