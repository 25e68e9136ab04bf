using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ArticleApi.OpenApi;

/// <summary>
/// Makes every schema of our own records say what the serializer does with each member, from the C# declaration:
/// a member is <c>required</c> because it is always written (null included, when its C# type is nullable), and a
/// member marked <c>JsonIgnore(WhenWritingNull)</c> is optional and never null (it is left out instead). Strict clients
/// (NSwag) reject a null the document does not allow, and a missing member the document requires.
/// </summary>
internal sealed class ResponseSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties } target
            || context.Type.Assembly != typeof(ResponseSchemaFilter).Assembly)
        {
            return;
        }

        // Not thread-safe, and cheap: one per schema.
        var nullability = new NullabilityInfoContext();
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!properties.TryGetValue(name, out var member))
            {
                continue;
            }

            if (property.PropertyType == typeof(JsonElement) || property.PropertyType == typeof(JsonElement?))
            {
                // Unknown front-matter keys, kept as the object they were written as.
                member = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalPropertiesAllowed = true, Description = "The file's keys this API does not model, as written." };
            }

            if (property.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault)
            {
                properties[name] = NotNull(member);
                continue;
            }

            required.Add(name);
            properties[name] = nullability.Create(property).ReadState == NullabilityState.Nullable ? Nullable(member) : NotNull(member);
        }

        target.Required = required;
    }

    // A reference that may be null is "null or the referenced schema" (OpenAPI 3.1 is JSON Schema: null is a type);
    // NSwag and Kiota both read this as a nullable property of the referenced class.
    private static IOpenApiSchema Nullable(IOpenApiSchema member) => member switch
    {
        OpenApiSchemaReference reference => new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] },
        OpenApiSchema { OneOf: [OpenApiSchema { Type: JsonSchemaType.Null }, OpenApiSchemaReference] } => member,
        OpenApiSchema schema => With(schema, (schema.Type ?? 0) | JsonSchemaType.Null),
        _ => member,
    };

    private static IOpenApiSchema NotNull(IOpenApiSchema member) => member switch
    {
        OpenApiSchema { OneOf: [OpenApiSchema { Type: JsonSchemaType.Null }, OpenApiSchemaReference reference] } => reference,
        OpenApiSchema { Type: { } type } schema => With(schema, type & ~JsonSchemaType.Null),
        _ => member,
    };

    private static OpenApiSchema With(OpenApiSchema schema, JsonSchemaType type)
    {
        schema.Type = type == 0 ? null : type;
        return schema;
    }
}
