using System.Net;
using System.Text.Json;

namespace ArticleApi.Tests.Infrastructure;

/// <summary>Small request helpers: JSON bodies, following <c>next</c> links through a whole result.</summary>
public static class ApiClient
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Every item id of a list, following <c>next</c> until it is null; fails on a loop.</summary>
    public static async Task<List<string>> GetAllIdsAsync(this HttpClient client, string url, int maxPages = 200)
    {
        var ids = new List<string>();
        string? next = url;
        for (var page = 0; next is not null; page++)
        {
            Assert.True(page < maxPages, "paging did not end");
            var body = await client.GetJsonAsync(next);
            ids.AddRange(body.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").ToString()));
            next = body.GetProperty("next").GetString();
        }

        return ids;
    }

    /// <summary>Asserts the response is a problem+json with exactly these members (traceId aside) and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpClient client, string url, HttpStatusCode status, string title, string? detail = null,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{url} answered {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        var expectedType = "https://tools.ietf.org/html/rfc9110#section-15.5." + status switch
        {
            HttpStatusCode.BadRequest => "1",
            HttpStatusCode.NotFound => "5",
            HttpStatusCode.Gone => "11",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "no problem type known for this status"),
        };
        Assert.Equal(expectedType, body.GetProperty("type").GetString());
        Assert.Equal(title, body.GetProperty("title").GetString());
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        var members = body.EnumerateObject().Select(p => p.Name).Where(n => n != "traceId").Order(StringComparer.Ordinal).ToList();
        List<string> expectedMembers = ["status", "title", "type"];
        if (detail is not null)
        {
            expectedMembers.Add("detail");
            Assert.Equal(detail, body.GetProperty("detail").GetString());
        }

        if (errors is not null)
        {
            expectedMembers.Add("errors");
            var actual = body.GetProperty("errors").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray());
            Assert.Equal(new Dictionary<string, string[]>(errors, StringComparer.Ordinal), actual);
        }

        Assert.Equal(expectedMembers.Order(StringComparer.Ordinal), members);
        return body;
    }
}
