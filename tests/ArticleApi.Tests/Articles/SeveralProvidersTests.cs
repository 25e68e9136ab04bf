using System.Globalization;
using System.Text;
using ArticleApi.Articles;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// Several providers are read one provider at a time and merged (<see cref="SeveralProviders"/>): paging through them
/// must give exactly the order of the whole list restricted to those providers, and of the IN-list plan, for every
/// sort, with articles lacking the sort's value and many ties on it.
/// </summary>
public sealed class SeveralProvidersTests(SeveralProvidersTests.Articles articles) : IClassFixture<SeveralProvidersTests.Articles>
{
    private static readonly string[] Chosen = ["p0.example", "p1.example", "p2.example"];

    public static TheoryData<string, int, string> Pages()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var sort in ArticleSort.Names.Where(n => n != "relevance"))
        {
            foreach (var limit in new[] { 3, 100 })
            {
                data.Add(sort, limit, "");
            }

            data.Add(sort, 5, "&type=blog");
            data.Add(sort, 5, "&topic=topic-a");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PagingThroughSeveralProvidersGivesTheWholeListsOrderRestrictedToThem(string sort, int limit, string filter)
    {
        using var client = articles.CreateClient();
        var whole = await ProviderOfEachAsync(client, $"/articles?sort={sort}&limit=100{filter}");
        var expected = whole.Where(a => Chosen.Contains(a.Provider)).Select(a => a.Id).ToList();

        var merged = await client.GetAllIdsAsync($"/articles?sort={sort}&limit={limit}&provider={string.Join(',', Chosen)}{filter}", maxPages: 1000);
        // Past SeveralProviders.MaxProviders the IN list is read and sorted as before: the same articles, padded with absent domains.
        var padded = Chosen.Concat(Enumerable.Range(0, SeveralProviders.MaxProviders).Select(i => $"absent-{i}.example"));
        var inList = await client.GetAllIdsAsync($"/articles?sort={sort}&limit={limit}&provider={string.Join(',', padded)}{filter}", maxPages: 1000);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, merged);
        Assert.Equal(expected, inList);
    }

    private static async Task<List<(string Id, string? Provider)>> ProviderOfEachAsync(HttpClient client, string url)
    {
        var rows = new List<(string, string?)>();
        for (string? next = url; next is not null;)
        {
            var body = await client.GetJsonAsync(next);
            rows.AddRange(body.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetString()!,
                i.TryGetProperty("provider", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.Object ? p.GetProperty("domain").GetString() : null)));
            next = body.GetProperty("next").GetString();
        }

        return rows;
    }

    /// <summary>
    /// 400 articles over four providers (and some with none), imported once: every 9th undated, every 7th without
    /// quality, every 11th without heat, and few distinct values so that ties cross providers and page boundaries.
    /// </summary>
    public sealed class Articles() : GeneratedArticlesFixture(Write)
    {
        private static void Write(string folder)
        {
            for (var i = 0; i < 400; i++)
            {
                var text = new StringBuilder("---\n").Append(CultureInfo.InvariantCulture, $"title: Article {i}\ntype: {(i % 3 == 0 ? "blog" : "news")}\n");
                if (i % 9 != 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"publishedDateTime: {new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i % 13):yyyy-MM-ddTHH:mm:ssZ}\n");
                }

                if (i % 7 != 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"quality: {i % 5}\n");
                }

                if (i % 11 != 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"heat: {i % 4 - 1}\n");
                }

                if (i % 17 != 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"provider:\n  name: Provider {i % 4}\n  domain: p{i % 4}.example\n");
                }

                text.Append("topics:\n").Append(i % 2 == 0 ? "  - Topic A\n" : "  - Topic B\n").Append("---\n");
                File.WriteAllText(Path.Combine(folder, $"item-{i:D3}.md"), text.ToString());
            }
        }
    }
}
