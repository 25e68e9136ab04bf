using ArticleApi.Health;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ArticleApi.OpenApi;

/// <summary>
/// The probes are health-check endpoints, which the API explorer does not describe: their two paths are written here,
/// with the bodies <see cref="HealthResponseWriter"/> sends.
/// </summary>
internal sealed class HealthDocumentation : IDocumentFilter
{
    public const string Tag = "Health";

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var liveness = context.SchemaGenerator.GenerateSchema(typeof(LivenessResponse), context.SchemaRepository);
        var readiness = context.SchemaGenerator.GenerateSchema(typeof(ReadinessResponse), context.SchemaRepository);
        swaggerDoc.Tags ??= new HashSet<OpenApiTag>();
        swaggerDoc.Tags.Add(new OpenApiTag { Name = Tag });
        swaggerDoc.Paths[HealthEndpoints.LivePath] = Path(swaggerDoc, "GetLiveness", "Liveness: the process answers; no check runs.",
            ("200", "The process is alive.", liveness));
        swaggerDoc.Paths[HealthEndpoints.ReadyPath] = Path(swaggerDoc, "GetReadiness",
            "Readiness: the database answers with the current schema and the first import pass has finished.",
            ("200", "Ready: every check is Healthy.", readiness),
            ("503", "Not ready: a check is Degraded or Unhealthy (no import pass finished yet, the database unreachable or its schema not prepared).", readiness));
    }

    private static OpenApiPathItem Path(OpenApiDocument document, string operationId, string summary, params (string Status, string Description, IOpenApiSchema Schema)[] responses)
    {
        var operation = new OpenApiOperation
        {
            OperationId = operationId,
            Summary = summary,
            Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
            Responses = [],
        };
        foreach (var (status, description, schema) in responses)
        {
            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new OpenApiMediaType { Schema = schema } },
            };
        }

        return new OpenApiPathItem { Operations = new() { [HttpMethod.Get] = operation } };
    }
}
