using System.Globalization;
using System.Text;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Feeds;

/// <summary>
/// The app over <see cref="Count"/> generated files, imported once for the class: more than two export batches of 500,
/// with undated, unrated and text-heavy rows (quotes, commas, line breaks).
/// </summary>
public sealed class GeneratedApiFixture() : GeneratedArticlesFixture(Write)
{
    public const int Count = 1234;

    private static void Write(string folder)
    {
        var random = new Random(19);
        for (var i = 0; i < Count; i++)
        {
            var text = new StringBuilder("---\n");
            text.Append(CultureInfo.InvariantCulture, $"title: \"Article {i:D4}, \\\"quoted\\\" {(i % 3 == 0 ? "alpha" : "beta")}\"\n");
            text.Append(CultureInfo.InvariantCulture, $"excerpt: \"{(i % 5 == 0 ? "Two lines,\\nalpha" : "One line")} {i}\"\n");
            if (i % 10 != 0)
            {
                // Some instants repeat, so ties are broken by id inside a batch and across batches.
                text.Append(CultureInfo.InvariantCulture, $"publishedDateTime: {new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(900)):yyyy-MM-ddTHH:mm:ssZ}\n");
            }

            if (i % 7 != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"quality: {random.Next(0, 100)}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"heat: {random.Next(-1, 50)}\n");
            text.Append(CultureInfo.InvariantCulture, $"webUrl: \"https://p{i % 4}.example/{i}\"\n");
            text.Append(CultureInfo.InvariantCulture, $"provider:\n  name: Provider {i % 4}\n  domain: p{i % 4}.example\n");
            text.Append("topics:\n").Append(i % 2 == 0 ? "  - Topic A\n" : "  - Topic B\n").Append(i % 3 == 0 ? "  - Topic C\n" : "");
            text.Append("---\n");
            File.WriteAllText(Path.Combine(folder, $"item-{i:D4}.md"), text.ToString());
        }
    }
}
