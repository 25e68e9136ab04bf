using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ArticleApi.Tests.OpenApi;

/// <summary>
/// The response schemas of the served OpenAPI document as JSON Schema validators. OpenAPI 3.1 schemas are JSON Schema
/// 2020-12, so a response's schema is taken as written, with the document's components as its <c>$defs</c>: no
/// translation of our own stands between the document and the verdict.
/// </summary>
public sealed class DocumentSchemas
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly JsonObject _document;
    private readonly string _definitions;
    private readonly Dictionary<string, JsonSchema> _validators = new(StringComparer.Ordinal);
    private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };

    private DocumentSchemas(JsonObject document)
    {
        _document = document;
        _definitions = Rebase(document["components"]!["schemas"]!.ToJsonString());
    }

    public static async Task<DocumentSchemas> LoadAsync(HttpClient client) =>
        new(JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!.AsObject());

    /// <summary>
    /// What is wrong with <paramref name="body"/> as the answer of GET <paramref name="pathTemplate"/> with
    /// <paramref name="status"/>: nothing when the document declares that status and media type and the body fits.
    /// </summary>
    public IReadOnlyList<string> Check(string pathTemplate, int status, string? mediaType, string body)
    {
        var key = $"{pathTemplate} {status} {mediaType}";
        if (!_validators.TryGetValue(key, out var validator))
        {
            var schema = _document["paths"]?[pathTemplate]?["get"]?["responses"]?[status.ToString(CultureInfo.InvariantCulture)]?["content"]?[mediaType ?? ""]?["schema"];
            if (schema is null)
            {
                return [$"{key}: the document declares no such response"];
            }

            var text = $$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$defs":{{_definitions}},"allOf":[{{Rebase(schema.ToJsonString())}}]}""";
            validator = JsonSchema.FromText(text, _build, new Uri($"https://articleapi.test/{_validators.Count}"));
            _validators[key] = validator;
        }

        using var json = JsonDocument.Parse(body);
        var result = validator.Evaluate(json.RootElement, Options);
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{key} at {d.InstanceLocation}: {e.Key} {e.Value}"))
                .DefaultIfEmpty($"{key}: does not match")];
    }

    // The document's references point into its components; here the components are the schema's $defs.
    private static string Rebase(string json) => json.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
}
