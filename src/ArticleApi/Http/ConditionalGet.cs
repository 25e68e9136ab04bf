namespace ArticleApi.Http;

/// <summary>
/// Conditional GET for a group of read endpoints in one call: the <see cref="ETagFilter"/>, and this marker in the
/// endpoints' metadata, from which the OpenAPI document declares the ETag, Cache-Control, If-None-Match and 304.
/// </summary>
internal sealed class ConditionalGet
{
    private static readonly ConditionalGet Marker = new();

    private ConditionalGet()
    {
    }

    public static RouteGroupBuilder Apply(RouteGroupBuilder group) => group.AddEndpointFilter<ETagFilter>().WithMetadata(Marker);
}
