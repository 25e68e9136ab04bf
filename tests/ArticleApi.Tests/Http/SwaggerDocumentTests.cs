using System.Text.Json;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Http;

public sealed class SwaggerDocumentTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task EveryOperationHasAnOperationIdAndEveryParameterADescriptionAndExample()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Operation: op.Value))).ToList();
        Assert.Equal(16, operations.Count);
        Assert.Equal(operations.Count, operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Distinct().Count());
        foreach (var (path, operation) in operations)
        {
            foreach (var parameter in operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                var name = parameter.GetProperty("name").GetString();
                Assert.False(string.IsNullOrEmpty(parameter.GetProperty("description").GetString()), $"{path} {name} has no description");
                Assert.True(parameter.TryGetProperty("example", out _), $"{path} {name} has no example");
            }
        }
    }

    [Fact]
    public async Task EnumerationsAreListedAndProblemsDeclared()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");
        var list = document.GetProperty("paths").GetProperty("/articles").GetProperty("get");
        var parameters = list.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);

        Assert.Equal("ListArticles", list.GetProperty("operationId").GetString());
        Assert.Equal(["-publishedDateTime", "publishedDateTime", "-quality", "quality", "-heat", "heat", "relevance"], Values(parameters["sort"].GetProperty("schema")));
        Assert.Equal(["any", "all"], Values(parameters["topicMatch"].GetProperty("schema")));
        Assert.Equal(["topic", "provider", "published", "type", "category", "quality", "heat"], Values(parameters["facets"].GetProperty("schema").GetProperty("items")));
        Assert.True(list.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(document.GetProperty("paths").GetProperty("/articles/{id}").GetProperty("get").GetProperty("responses").GetProperty("404")
            .GetProperty("content").TryGetProperty("application/problem+json", out _));

        static List<string> Values(JsonElement schema) => [.. schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!)];
    }
}
