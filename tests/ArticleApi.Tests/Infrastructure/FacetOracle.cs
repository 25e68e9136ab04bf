using System.Globalization;
using System.Text.Json;

namespace ArticleApi.Tests.Infrastructure;

/// <summary>
/// Checks a list's <c>total</c> and <c>facets</c> against what its own pages hold: the counts come from the articles'
/// columns in memory, the pages from SQL, so each is the other's oracle. Filters are drawn at random (seeded) from the
/// values the articles have, plus some no article has.
/// </summary>
public static class FacetOracle
{
    public const string AllFacets = "topic,provider,published,type,category,quality,heat,month,year";

    /// <summary>Every item of the list at <paramref name="url"/> (which holds a query string), page after page.</summary>
    public static async Task<List<JsonElement>> AllItemsAsync(HttpClient client, string url)
    {
        var items = new List<JsonElement>();
        string? next = $"{url}&limit=100";
        for (var page = 0; next is not null; page++)
        {
            Assert.True(page < 1000, "paging did not end");
            var body = await client.GetJsonAsync(next);
            items.AddRange(body.GetProperty("items").EnumerateArray());
            next = body.GetProperty("next").GetString();
        }

        return items;
    }

    /// <summary>Asserts the counts of <paramref name="url"/> equal those of its pages; answers how many articles matched.</summary>
    public static async Task<int> AssertCountsMatchPagesAsync(HttpClient client, string url)
    {
        var counted = await client.GetJsonAsync($"{url}&includeTotal=true&facets={AllFacets}&limit=1");
        var items = await AllItemsAsync(client, url);
        Assert.True(items.Count == counted.GetProperty("total").GetInt32(), $"{url}: total {counted.GetProperty("total")}, pages hold {items.Count}");
        var facets = counted.GetProperty("facets");
        foreach (var (facet, expected) in Expected(items))
        {
            var actual = facets.GetProperty(facet).EnumerateArray().Select(v => (v.GetProperty("value").GetString()!, v.GetProperty("count").GetInt32())).ToList();
            Assert.True(expected.SequenceEqual(actual), $"{url}: facet {facet}\nexpected {string.Join(' ', expected)}\nactual   {string.Join(' ', actual)}");
        }

        return items.Count;
    }

    /// <summary>A random filter over the values of <paramref name="items"/>: a path and a query string.</summary>
    public static string RandomList(Random random, IReadOnlyList<JsonElement> items)
    {
        // Now and then a value no article has; never for a route's topic or provider, which would be a 404.
        string Pick(IEnumerable<string?> values, string? unknown)
        {
            var known = values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return known.Count == 0 || (unknown is not null && random.Next(8) == 0) ? unknown ?? "" : known[random.Next(known.Count)];
        }

        string Slug(string? unknown = "no-such-topic") => Pick(items.SelectMany(i => i.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("slug").GetString())), unknown);
        string Domain(string? unknown = "no-such.example") => Pick(items.Select(i => Text(i, "provider", "domain")), unknown);
        T Any<T>(List<T> values, T none) => values.Count == 0 ? none : values[random.Next(values.Count)];
        bool Often() => random.Next(4) == 0;

        // A range from a value some article has, give or take, with either end or both.
        string Range(string name, int lowest)
        {
            var low = Math.Max(lowest, Any([.. items.Select(i => Integer(i, name)).OfType<int>()], 0) + random.Next(-2, 3));
            var high = low + random.Next(0, 40);
            var upper = char.ToUpperInvariant(name[0]) + name[1..];
            return random.Next(3) switch { 0 => $"min{upper}={low}", 1 => $"max{upper}={high}", _ => $"min{upper}={low}&max{upper}={high}" };
        }

        string Days()
        {
            var days = items.Select(Instant).OfType<DateTimeOffset>().Select(i => i.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
            var (first, second) = (Any(days, "2025-01-01"), Any(days, "2025-12-31"));
            var (from, to) = string.CompareOrdinal(first, second) <= 0 ? (first, second) : (second, first);
            return random.Next(3) switch { 0 => $"from={from}", 1 => $"to={to}", _ => $"from={from}&to={to}" };
        }

        var path = random.Next(5) switch
        {
            0 => $"/topics/{Slug(unknown: null)}/articles",
            1 => $"/providers/{Domain(unknown: null)}/articles",
            _ => "/articles",
        };
        Func<string>[] filters =
        [
            () => $"published={(random.Next(2) == 0 ? "true" : "false")}",
            () => Range("quality", 0),
            () => Range("heat", -1),
            () => $"topic={Slug()}{(random.Next(2) == 0 ? "," + Slug() : "")}&topicMatch={(random.Next(2) == 0 ? "any" : "all")}",
            () => $"provider={Domain()}{(random.Next(2) == 0 ? "," + Domain() : "")}",
            () => $"excludeTopic={Slug()}",
            () => $"excludeProvider={Domain()}",
            Days,
            () => $"type={Pick(items.Select(i => Text(i, "type")), "no-such-type")}",
            () => $"category={Pick(items.Select(i => Text(i, "category")), "no-such-category")}",
            () => $"q={Word(random, items)}",
        ];
        var parts = filters.Where(_ => Often()).Select(filter => filter()).ToList();
        return $"{path}?{string.Join('&', parts)}";
    }

    private static string Word(Random random, IReadOnlyList<JsonElement> items)
    {
        var words = items.SelectMany(i => i.GetProperty("title").GetString()!.Split(' ')).Where(w => w.Length >= 4 && w.All(char.IsAsciiLetter)).Distinct().Order().ToList();
        return words.Count == 0 ? "news" : words[random.Next(words.Count)];
    }

    private static Dictionary<string, List<(string, int)>> Expected(List<JsonElement> items)
    {
        static List<(string, int)> Top(IEnumerable<string?> values) =>
            [.. values.OfType<string>().GroupBy(v => v, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))
                .OrderByDescending(v => v.Item2).ThenBy(v => v.Key, StringComparer.Ordinal).Take(20)];
        static List<(string, int)> Buckets(IEnumerable<int?> values) =>
            [.. values.OfType<int>().GroupBy(v => v < 0 ? -1 : v / 10).OrderBy(g => g.Key)
                .Select(g => (g.Key < 0 ? "-1" : $"{g.Key * 10}-{(g.Key * 10) + 9}", g.Count()))];
        static List<(string, int)> Periods(IEnumerable<DateTimeOffset?> instants, string format, int newest) =>
            [.. instants.OfType<DateTimeOffset>().GroupBy(i => i.UtcDateTime.ToString(format, CultureInfo.InvariantCulture), StringComparer.Ordinal)
                .OrderByDescending(g => g.Key, StringComparer.Ordinal).Take(newest).Select(g => (g.Key, g.Count()))];

        return new()
        {
            ["topic"] = Top(items.SelectMany(i => i.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("slug").GetString()).Distinct())),
            ["provider"] = Top(items.Select(i => Text(i, "provider", "domain"))),
            ["published"] = Top(items.Select(i => i.TryGetProperty("published", out var p) && p.ValueKind != JsonValueKind.Null ? (p.GetBoolean() ? "true" : "false") : null)),
            ["type"] = Top(items.Select(i => Text(i, "type"))),
            ["category"] = Top(items.Select(i => Text(i, "category"))),
            ["quality"] = Buckets(items.Select(i => Integer(i, "quality"))),
            ["heat"] = Buckets(items.Select(i => Integer(i, "heat"))),
            ["month"] = Periods(items.Select(Instant), "yyyy-MM", 24),
            ["year"] = Periods(items.Select(Instant), "yyyy", int.MaxValue),
        };
    }

    private static string? Text(JsonElement item, string name, string? inner = null)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return inner is null ? value.GetString() : Text(value, inner);
    }

    private static int? Integer(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static DateTimeOffset? Instant(JsonElement item) =>
        item.TryGetProperty("publishedDateTime", out var value) && value.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture) : null;
}
