using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ArticleApi.OpenApi;

/// <summary>
/// HEAD is answered on every GET route (<see cref="Http.HeadRequests"/>) but minimal APIs map GET only, so the
/// document would not show it. Each GET gets its HEAD twin: same parameters, statuses and headers, no body.
/// </summary>
internal sealed class HeadDocumentation : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        foreach (var (path, item) in swaggerDoc.Paths)
        {
            if (item is not OpenApiPathItem { Operations: { } operations } || !operations.TryGetValue(HttpMethod.Get, out var get))
            {
                continue;
            }

            var head = new OpenApiOperation
            {
                OperationId = get.OperationId + "Head",
                Summary = $"The headers GET {path} would send (status, ETag, Link), without the body.",
                Tags = get.Tags,
                Parameters = get.Parameters,
                Responses = [],
            };
            foreach (var (status, response) in get.Responses ?? [])
            {
                head.Responses[status] = new OpenApiResponse { Description = response.Description, Headers = response.Headers };
            }

            operations[HttpMethod.Head] = head;
        }
    }
}
