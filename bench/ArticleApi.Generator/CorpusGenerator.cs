using System.Globalization;
using System.Text;

namespace ArticleApi.Generator;

/// <summary>
/// Deterministic synthetic corpus shaped like ../shared/corpus (see its SCHEMA.md): about 2,000 providers with a
/// skewed share, 60 topics with 1-4 per article, quality 10-80, heat -1..100 with many -1, about 30% published,
/// dates over ten years, 0-3 related links (some pointing at other generated articles) and images on most; a body of
/// <paramref name="bodyWords"/> words when asked, drawn from a second generator so the front matter stays the same.
/// </summary>
internal sealed class CorpusGenerator(int seed, int bodyWords = 0)
{
    private const int ProviderCount = 2000;
    private static readonly DateTimeOffset Start = new(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Words =
    [
        "cloud", "data", "model", "agent", "kubernetes", "serverless", "database", "security", "vector", "search",
        "edge", "quantum", "platform", "developer", "release", "preview", "pricing", "outage", "open", "source",
        "compiler", "runtime", "network", "storage", "graph", "stream", "training", "inference", "chip", "robot",
        "browser", "mobile", "privacy", "identity", "analytics", "pipeline", "observability", "latency", "scale", "cost",
    ];

    private readonly Random _random = new(seed);
    private readonly Random _body = new(seed + 1);

    private static readonly string[] Topics = [.. Enumerable.Range(0, 60).Select(index => $"{Capitalise(Words[index % Words.Length])} {(index < Words.Length ? "News" : "Research")}")];

    public int Write(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var builder = new StringBuilder(4096);
        for (var index = 0; index < count; index++)
        {
            builder.Clear();
            WriteArticle(builder, index, count);
            var subfolder = Path.Combine(folder, (index / 1000).ToString("D4", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(subfolder);
            File.WriteAllText(Path.Combine(subfolder, $"article-{index:D7}.md"), builder.ToString());
        }

        return count;
    }

    private static string Url(int index) => $"https://news{index % 97}.example.com/{index:D7}/story";

    private void WriteArticle(StringBuilder text, int index, int count)
    {
        var provider = SkewedProvider();
        var published = Start.AddMinutes(_random.Next(0, 10 * 365 * 24 * 60));
        var title = Sentence(6 + _random.Next(6));
        text.Append("---\ncategory: news\n");
        text.Append("title: \"").Append(Capitalise(title)).Append(" (").Append(index).Append(")\"\n");
        text.Append("excerpt: \"").Append(Capitalise(Sentence(20 + _random.Next(20)))).Append(".\"\n");
        text.Append("publishedDateTime: ").Append(published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("originalUrl: \"").Append(Url(index)).Append("\"\n");
        text.Append("webUrl: \"").Append(Url(index)).Append("\"\n");
        text.Append("type: article\n");
        text.Append("quality: ").Append(_random.Next(10, 81)).Append('\n');
        text.Append("heat: ").Append(_random.NextDouble() < 0.4 ? -1 : _random.Next(0, 101)).Append('\n');
        text.Append("published: ").Append(_random.NextDouble() < 0.3 ? "true" : "false").Append("\n\n");
        text.Append("provider:\n  name: Provider ").Append(provider).Append("\n  domain: provider").Append(provider).Append(".example.com\n\n");
        text.Append("topics:\n");
        foreach (var topic in Enumerable.Range(0, 1 + _random.Next(4)).Select(_ => Topics[(int)(Math.Pow(_random.NextDouble(), 2) * Topics.Length)]).Distinct())
        {
            text.Append("  - ").Append(topic).Append('\n');
        }

        if (_random.NextDouble() < 0.9)
        {
            text.Append("\nimages:\n  - url: \"https://img.example.com/").Append(index).Append(".jpg\"\n    width: 1200\n    height: 630\n    isCached: true\n");
        }

        var related = _random.Next(4);
        if (related > 0)
        {
            text.Append("\nrelated:\n");
            for (var link = 0; link < related; link++)
            {
                var target = _random.NextDouble() < 0.7 ? _random.Next(count) : count + _random.Next(1_000_000);
                text.Append("  - title: \"").Append(Capitalise(Sentence(7))).Append("\"\n");
                text.Append("    excerpt: \"").Append(Capitalise(Sentence(15))).Append(".\"\n");
                text.Append("    publishedDateTime: ").Append(published.AddHours(-_random.Next(48)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n');
                text.Append("    webUrl: \"").Append(Url(target)).Append("\"\n    type: article\n");
                text.Append("    provider:\n      name: Provider ").Append(target % ProviderCount).Append("\n      domain: provider").Append(target % ProviderCount).Append(".example.com\n");
                text.Append("    quality: ").Append(_random.Next(10, 90)).Append('\n');
            }
        }

        text.Append("\nsecured: \"").Append(Convert.ToBase64String(BitConverter.GetBytes(_random.NextInt64()))).Append(';').Append(index).Append("\"\n---\n");
        for (var sentence = 0; sentence < bodyWords; sentence += 12)
        {
            var words = Enumerable.Range(0, Math.Min(12, bodyWords - sentence)).Select(_ => Words[_body.Next(Words.Length)]);
            text.Append(Capitalise(string.Join(' ', words))).Append(sentence % 96 == 84 ? ".\n\n" : ". ");
        }
    }

    /// <summary>A provider id where a few providers publish most articles (share falls with rank, like real feeds).</summary>
    private int SkewedProvider() => (int)(Math.Pow(_random.NextDouble(), 3) * ProviderCount);

    private string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[_random.Next(Words.Length)]));

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
