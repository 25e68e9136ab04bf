using ArticleApi.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ArticleApi.OpenApi;

/// <summary>
/// Declares what the read endpoints send beside the body: on every endpoint behind <see cref="ConditionalGet"/> the
/// <c>ETag</c> and <c>Cache-Control</c> headers, the <c>If-None-Match</c> request header and its <c>304</c>; on every
/// paged list the <c>Link</c> header that repeats <c>next</c>.
/// </summary>
internal sealed class ConditionalGetDocumentation : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var conditional = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ConditionalGet>().Any();
        var paged = context.ApiDescription.SupportedResponseTypes.Any(r => r.StatusCode == StatusCodes.Status200OK && IsPage(r.Type));
        if (operation.Responses?.GetValueOrDefault("200") is not OpenApiResponse ok || !(conditional || paged))
        {
            return;
        }

        ok.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        if (paged)
        {
            ok.Headers["Link"] = Header("The next page as <url>; rel=\"next\", the same URL as 'next'; absent on the last page.");
        }

        if (!conditional)
        {
            return;
        }

        AddValidators(ok.Headers);
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Description = "The ETag of an earlier response to the same URL: the answer is 304 without a body while no import has changed the data.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        var notModified = new OpenApiResponse
        {
            Description = "Not Modified: the ETag sent in If-None-Match is still current; no body.",
            Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal),
        };
        AddValidators(notModified.Headers);
        operation.Responses["304"] = notModified;
    }

    private static void AddValidators(IDictionary<string, IOpenApiHeader> headers)
    {
        headers["ETag"] = Header("Weak validator of this response: the data version and the request's path and query, for example W/\"v12-3f2a9c0b1d4e5f60\".");
        headers["Cache-Control"] = Header($"Always '{ETagFilter.CacheControl}': caches may keep the response but revalidate it each time.");
    }

    private static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    private static bool IsPage(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Page<>))
            {
                return true;
            }
        }

        return false;
    }
}
