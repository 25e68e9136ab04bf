using System.Globalization;
using System.Text.Json;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

public sealed class TimeFacetTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Theory]
    [InlineData("", null)]
    [InlineData("published=true&", null)]
    [InlineData("from=2025-06-01&to=2026-03-31&", "2025-06-01T00:00:00Z")]
    public async Task MonthsAndYearsCountTheDatedArticlesOfTheFilterNewestFirstInUtc(string filter, string? from)
    {
        var body = await _client.GetJsonAsync($"/articles?{filter}facets=month,year&limit=1");
        var rows = SampleRows.Articles(fixture).Where(r => r.Published is not null)
            .Where(r => filter != "published=true&" || r.IsPublished == true)
            .Where(r => from is null || (r.Published >= Milliseconds(from) && r.Published < Milliseconds("2026-04-01T00:00:00Z")))
            .ToList();

        var facets = body.GetProperty("facets");
        Assert.Equal(Periods(rows, "yyyy-MM"), Actual(facets, "month"));
        Assert.Equal(Periods(rows, "yyyy"), Actual(facets, "year"));
        Assert.True(Actual(facets, "month").Count > 1);
    }

    [Fact]
    public async Task TheMonthFacetListsTheNewestMonthsAndEveryYearAndLeavesUndatedArticlesOut()
    {
        using var factory = new ArticleApiFactory("no samples");
        // 30 months from 2022-01, an offset that moves one article into the next UTC month, one before 1970, one undated.
        for (var month = 0; month < 30; month++)
        {
            Write(factory, $"m{month:D2}.md", $"{new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(month):yyyy-MM}-15T12:00:00Z");
        }

        Write(factory, "late.md", "2024-06-30T23:30:00-02:00");
        Write(factory, "old.md", "1969-12-31T23:59:59.500Z");
        Write(factory, "undated.md", null);
        await factory.ImportAsync();

        var facets = (await factory.CreateClient().GetJsonAsync("/articles?facets=month,year&limit=1")).GetProperty("facets");

        // 2024-07 holds only the article written at 23:30 on 2024-06-30 at -02:00; then one a month back to 2022-08.
        var expectedMonths = Enumerable.Range(0, 23).Select(back => (new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-back).ToString("yyyy-MM", CultureInfo.InvariantCulture), 1));
        Assert.Equal([("2024-07", 1), .. expectedMonths], Actual(facets, "month"));
        Assert.Equal([("2024", 7), ("2023", 12), ("2022", 12), ("1969", 1)], Actual(facets, "year"));
    }

    private static void Write(ArticleApiFactory factory, string name, string? published) =>
        File.WriteAllText(Path.Combine(factory.SourceDirectory, name),
            $"---\ntitle: {name}\n{(published is null ? "" : $"publishedDateTime: {published}\n")}---\n");

    private static long Milliseconds(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    private static List<(string Value, int Count)> Periods(IEnumerable<ArticleRow> rows, string format) =>
        [.. rows.GroupBy(r => DateTimeOffset.FromUnixTimeMilliseconds(r.Published!.Value).UtcDateTime.ToString(format, CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Key, StringComparer.Ordinal).Take(24)];

    private static List<(string Value, int Count)> Actual(JsonElement facets, string name) =>
        [.. facets.GetProperty(name).EnumerateArray().Select(f => (f.GetProperty("value").GetString()!, f.GetProperty("count").GetInt32()))];
}
