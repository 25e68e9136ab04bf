using System.Net;

namespace ArticleApi.Tests.Infrastructure;

/// <summary>
/// Walks a list page after page on two servers over the same files, one finding pages through SQL and one in the
/// articles' columns, and asserts every response body is the same text: items, their order, and the next link
/// (whose cursor holds the last row's sort value and id).
/// </summary>
public static class PageComparison
{
    public static readonly IReadOnlyList<string> Sorts = ["-publishedDateTime", "publishedDateTime", "-quality", "quality", "-heat", "heat", "popularity"];

    /// <summary>Answers how many items the list holds.</summary>
    public static async Task<int> AssertSamePagesAsync(HttpClient sql, HttpClient columns, string url)
    {
        var items = 0;
        string? next = url;
        for (var page = 0; next is not null; page++)
        {
            Assert.True(page < 2000, $"{url}: paging did not end");
            var expected = await BodyAsync(sql, next);
            var actual = await BodyAsync(columns, next);
            Assert.True(expected == actual, $"{next}\nSQL:     {expected}\ncolumns: {actual}");
            var body = System.Text.Json.JsonDocument.Parse(expected).RootElement;
            items += body.GetProperty("items").GetArrayLength();
            next = body.GetProperty("next").GetString();
        }

        return items;
    }

    private static async Task<string> BodyAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}: {text}");
        return text;
    }
}
