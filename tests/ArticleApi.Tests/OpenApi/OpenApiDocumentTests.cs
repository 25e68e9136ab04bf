using System.Reflection;
using System.Text.Json;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.OpenApi;

/// <summary>The served OpenAPI document, read as JSON: what it declares about operations, parameters, schemas and headers.</summary>
public sealed class OpenApiDocumentTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private static readonly string[] ArticleLists = ["/articles", "/topics/{slug}/articles", "/providers/{domain}/articles"];

    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task TheDocumentTheClientsWereGeneratedFromIsTheOneServed()
    {
        var path = typeof(OpenApiDocumentTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OpenApiDocument").Value!;

        var served = await _client.GetStringAsync("/swagger/v1/swagger.json");

        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(served).RootElement, JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement),
            $"{path} (written by `ArticleApi openapi` at build time) differs from /swagger/v1/swagger.json");
    }

    [Fact]
    public async Task EveryOperationHasAUniqueIdASummaryAndDescribedParameters()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        var operations = Operations(document);
        Assert.Equal("3.1.2", document.GetProperty("openapi").GetString());
        // 15 GETs of the API (articles 7, topics 3, providers 3, related, changes), 2 probes, each with its HEAD, and POST /import.
        Assert.Equal(35, operations.Count);
        Assert.Equal(operations.Count, operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Distinct().Count());
        foreach (var (path, method, operation) in operations)
        {
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            foreach (var parameter in Parameters(operation).Values)
            {
                Assert.False(string.IsNullOrEmpty(parameter.GetProperty("description").GetString()), $"{method} {path} {parameter.GetProperty("name")} has no description");
            }
        }
    }

    [Fact]
    public async Task EveryOperationButTheProbesDeclaresItsClientErrorAsAProblem()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        var lacking = Operations(document)
            .Where(o => !o.Path.StartsWith("/health/", StringComparison.Ordinal))
            .Where(o => !o.Operation.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('4')))
            .Select(o => $"{o.Method} {o.Path}");

        Assert.Empty(lacking);
        var get = document.GetProperty("paths").GetProperty("/articles/{id}").GetProperty("get").GetProperty("responses");
        Assert.Equal("#/components/schemas/ProblemDetails", get.GetProperty("404").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
        var list = document.GetProperty("paths").GetProperty("/articles").GetProperty("get").GetProperty("responses");
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", list.GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task ParametersAreTypedAsWhatTheyAreThoughTheyBindAsText()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        foreach (var path in ArticleLists)
        {
            var parameters = Parameters(document.GetProperty("paths").GetProperty(path).GetProperty("get"));
            Assert.Equal("""{"maximum":100,"minimum":1,"type":"integer","format":"int32","default":20}""", parameters["limit"].GetProperty("schema").GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
            Assert.Equal(("integer", "0"), (Type(parameters["minQuality"]), parameters["minQuality"].GetProperty("schema").GetProperty("minimum").GetRawText()));
            Assert.Equal(("integer", "0"), (Type(parameters["maxQuality"]), parameters["maxQuality"].GetProperty("schema").GetProperty("minimum").GetRawText()));
            Assert.Equal(("integer", "-1"), (Type(parameters["minHeat"]), parameters["minHeat"].GetProperty("schema").GetProperty("minimum").GetRawText()));
            Assert.Equal(("integer", "-1"), (Type(parameters["maxHeat"]), parameters["maxHeat"].GetProperty("schema").GetProperty("minimum").GetRawText()));
            Assert.Equal("boolean", Type(parameters["published"]));
            Assert.Equal("boolean", Type(parameters["includeTotal"]));
            Assert.Equal("date-time", parameters["from"].GetProperty("schema").GetProperty("format").GetString());
            Assert.Equal("date-time", parameters["to"].GetProperty("schema").GetProperty("format").GetString());
            Assert.Equal("string", parameters["topic"].GetProperty("schema").GetProperty("items").GetProperty("type").GetString());
            Assert.Equal("#/components/schemas/Facet", parameters["facets"].GetProperty("schema").GetProperty("items").GetProperty("$ref").GetString());
            Assert.Equal("#/components/schemas/SearchField", parameters["searchIn"].GetProperty("schema").GetProperty("items").GetProperty("$ref").GetString());
            Assert.Equal("#/components/schemas/ArticleSort", parameters["sort"].GetProperty("schema").GetProperty("$ref").GetString());
            Assert.Equal("#/components/schemas/TopicMatch", parameters["topicMatch"].GetProperty("schema").GetProperty("$ref").GetString());
        }

        var topics = Parameters(document.GetProperty("paths").GetProperty("/topics").GetProperty("get"));
        Assert.Equal("1000", topics["limit"].GetProperty("schema").GetProperty("maximum").GetRawText());
        Assert.Equal("boolean", Type(topics["published"]));

        static string? Type(JsonElement parameter) => parameter.GetProperty("schema").GetProperty("type").GetString();
    }

    [Fact]
    public async Task SharedEnumsAreOneNamedSchemaEach()
    {
        var schemas = (await _client.GetJsonAsync("/swagger/v1/swagger.json")).GetProperty("components").GetProperty("schemas");

        Assert.Equal(["-publishedDateTime", "publishedDateTime", "-quality", "quality", "-heat", "heat", "relevance", "popularity"], Values(schemas.GetProperty("ArticleSort")));
        Assert.Equal(["any", "all"], Values(schemas.GetProperty("TopicMatch")));
        Assert.Equal(["title", "excerpt", "body"], Values(schemas.GetProperty("SearchField")));
        Assert.Equal(["topic", "provider", "published", "type", "category", "quality", "heat", "month", "year"], Values(schemas.GetProperty("Facet")));
        // The facet counts of a page: one optional list per facet, nothing else.
        var counts = schemas.GetProperty("FacetCounts");
        Assert.Equal(["topic", "provider", "published", "type", "category", "quality", "heat", "month", "year"], counts.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.False(counts.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal("#/components/schemas/FacetCounts", schemas.GetProperty("ArticlePage").GetProperty("properties").GetProperty("facets").GetProperty("$ref").GetString());

        static List<string> Values(JsonElement schema) => [.. schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!)];
    }

    [Fact]
    public async Task MembersThatMayBeNullSayNullAndMembersAlwaysWrittenAreRequired()
    {
        var schemas = (await _client.GetJsonAsync("/swagger/v1/swagger.json")).GetProperty("components").GetProperty("schemas");

        var item = schemas.GetProperty("ArticleListItem");
        Assert.Equal(["id", "sourcePath", "title", "excerpt", "publishedDateTime", "webUrl", "type", "category", "quality", "heat", "published", "provider", "topics", "image"], Required(item));
        Assert.Equal("""[{"type":"null"},{"$ref":"#/components/schemas/ImageSummary"}]""", Compact(item.GetProperty("properties").GetProperty("image").GetProperty("oneOf")));
        Assert.Equal("""[{"type":"null"},{"$ref":"#/components/schemas/ProviderSummary"}]""", Compact(item.GetProperty("properties").GetProperty("provider").GetProperty("oneOf")));
        Assert.Equal("""["null","string"]""", Compact(item.GetProperty("properties").GetProperty("excerpt").GetProperty("type")));
        Assert.Equal("\"string\"", Compact(item.GetProperty("properties").GetProperty("id").GetProperty("type")));
        // Left out rather than null: optional, and never null when present.
        Assert.Equal("\"string\"", Compact(item.GetProperty("properties").GetProperty("snippet").GetProperty("type")));
        var provider = schemas.GetProperty("ProviderResponse");
        Assert.Equal(["domain", "name", "logo", "articleCount"], Required(provider));
        Assert.Equal("""[{"type":"null"},{"$ref":"#/components/schemas/ImageSummary"}]""", Compact(provider.GetProperty("properties").GetProperty("logo").GetProperty("oneOf")));
        var page = schemas.GetProperty("ArticlePage");
        Assert.Equal(["items", "next"], Required(page));
        Assert.Equal("\"integer\"", Compact(page.GetProperty("properties").GetProperty("total").GetProperty("type")));

        static List<string> Required(JsonElement schema) => [.. schema.GetProperty("required").EnumerateArray().Select(v => v.GetString()!)];
    }

    [Fact]
    public async Task EnvelopesAreNamedAfterWhatTheyHold()
    {
        var schemas = (await _client.GetJsonAsync("/swagger/v1/swagger.json")).GetProperty("components").GetProperty("schemas");
        var names = schemas.EnumerateObject().Select(s => s.Name).ToList();

        Assert.Subset(names.ToHashSet(), new HashSet<string> { "ArticlePage", "ArticleList", "TopicPage", "ProviderPage", "RelatedLinkPage", "RelatedLinkList" });
        Assert.DoesNotContain(names, n => n.EndsWith("ResponsePage", StringComparison.Ordinal) || n.EndsWith("ItemList", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConditionalGetHeadersAnd304AreDeclaredOnTheReadEndpoints()
    {
        var paths = (await _client.GetJsonAsync("/swagger/v1/swagger.json")).GetProperty("paths");

        var list = paths.GetProperty("/articles").GetProperty("get");
        Assert.Equal(["Link", "ETag", "Cache-Control"], list.GetProperty("responses").GetProperty("200").GetProperty("headers").EnumerateObject().Select(h => h.Name));
        Assert.Equal(["ETag", "Cache-Control"], list.GetProperty("responses").GetProperty("304").GetProperty("headers").EnumerateObject().Select(h => h.Name));
        Assert.Equal("header", Parameters(list)["If-None-Match"].GetProperty("in").GetString());
        var detail = paths.GetProperty("/articles/{id}").GetProperty("get").GetProperty("responses");
        Assert.Equal(["ETag", "Cache-Control"], detail.GetProperty("200").GetProperty("headers").EnumerateObject().Select(h => h.Name));
        // The import status and the probes are not behind the ETag filter.
        Assert.False(paths.GetProperty("/import/status").GetProperty("get").GetProperty("responses").GetProperty("200").TryGetProperty("headers", out _));
        Assert.False(paths.GetProperty("/health/ready").GetProperty("get").GetProperty("responses").TryGetProperty("304", out _));
    }

    [Fact]
    public async Task TheRateLimitsTooManyRequestsIsDeclaredWhereItApplies()
    {
        var paths = (await _client.GetJsonAsync("/swagger/v1/swagger.json")).GetProperty("paths");

        var limited = paths.GetProperty("/articles").GetProperty("get").GetProperty("responses").GetProperty("429");
        Assert.Equal("#/components/schemas/ProblemDetails", limited.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("integer", limited.GetProperty("headers").GetProperty("Retry-After").GetProperty("schema").GetProperty("type").GetString());
        Assert.True(paths.GetProperty("/import").GetProperty("post").GetProperty("responses").TryGetProperty("429", out _));
        // The probes are never limited.
        Assert.False(paths.GetProperty("/health/ready").GetProperty("get").GetProperty("responses").TryGetProperty("429", out _));
    }

    [Fact]
    public async Task EveryGetHasItsHeadTwinWithTheSameStatusesAndNoBody()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _)))
        {
            var get = path.Value.GetProperty("get");
            var head = path.Value.GetProperty("head");
            Assert.Equal(get.GetProperty("operationId").GetString() + "Head", head.GetProperty("operationId").GetString());
            Assert.Equal(get.GetProperty("responses").EnumerateObject().Select(r => r.Name), head.GetProperty("responses").EnumerateObject().Select(r => r.Name));
            Assert.DoesNotContain(head.GetProperty("responses").EnumerateObject(), r => r.Value.TryGetProperty("content", out _));
        }
    }

    [Fact]
    public async Task TheProbesAreDocumentedWithTheirBodies()
    {
        var paths = (await _client.GetJsonAsync("/swagger/v1/swagger.json")).GetProperty("paths");

        var ready = paths.GetProperty("/health/ready").GetProperty("get");
        Assert.Equal("GetReadiness", ready.GetProperty("operationId").GetString());
        foreach (var status in new[] { "200", "503" })
        {
            Assert.Equal("#/components/schemas/ReadinessResponse", ready.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        }

        Assert.Equal("#/components/schemas/LivenessResponse", paths.GetProperty("/health/live").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task TheFirstClickOnEveryGetShowsResultsWithTheExamplesSwaggerUiFillsIn()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        foreach (var (path, _, operation) in Operations(document).Where(o => o.Method == "get"))
        {
            var url = path;
            var query = new List<string>();
            foreach (var parameter in Parameters(operation).Values.Where(p => p.TryGetProperty("example", out _)))
            {
                var name = parameter.GetProperty("name").GetString()!;
                var example = parameter.GetProperty("example");
                if (parameter.GetProperty("in").GetString() == "path")
                {
                    url = url.Replace("{" + name + "}", Uri.EscapeDataString(example.ToString()), StringComparison.Ordinal);
                }
                else
                {
                    var values = example.ValueKind == JsonValueKind.Array ? example.EnumerateArray().Select(Text) : [Text(example)];
                    query.AddRange(values.Select(v => $"{name}={Uri.EscapeDataString(v)}"));
                }
            }

            Assert.DoesNotContain('{', url);
            var body = await _client.GetJsonAsync(query.Count == 0 ? url : url + "?" + string.Join('&', query));
            if (body.TryGetProperty("items", out var items))
            {
                Assert.True(items.GetArrayLength() > 0, $"{url} with its examples lists nothing");
            }
        }
    }

    [Fact]
    public async Task NoCursorOrFilterHasAnExampleToPrefill()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        var prefilled = Operations(document)
            .SelectMany(o => Parameters(o.Operation).Values.Where(p => p.TryGetProperty("example", out _)).Select(p => p.GetProperty("name").GetString()))
            .Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["domain", "facets", "id", "includeTotal", "limit", "slug", "sort"], prefilled);
    }

    [Fact]
    public async Task SwaggerUiNamesTheApiInItsTitle()
    {
        var page = await _client.GetStringAsync("/swagger/index.html");

        Assert.Contains("<title>ArticleApi - Swagger UI</title>", page, StringComparison.Ordinal);
    }

    private static List<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        [.. document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(op => (path.Name, op.Name, op.Value)))];

    private static Dictionary<string, JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, StringComparer.Ordinal)
            : [];

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    // As Swagger UI puts an example into the query string: strings as they are, numbers and booleans as JSON writes them.
    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
