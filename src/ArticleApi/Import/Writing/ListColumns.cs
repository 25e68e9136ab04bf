using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArticleApi.Import.Reading;
using ArticleApi.Model;

namespace ArticleApi.Import.Writing;

/// <summary>
/// The list copies written with each article row (<see cref="Article.ListTopics"/>, <see cref="Article.ListImage"/>),
/// in the JSON shape the read path's statement returns for them (<c>Articles/ArticleJsonColumns</c> reads both).
/// </summary>
internal static class ListColumns
{
    // Read back only by this service's JSON parser, never embedded in HTML: no need to escape non-ASCII text.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A file's topics once each by slug, in the file's order: the links the article keeps, and its list copy.</summary>
    public static List<(string Name, string Slug)> TopicLinks(IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<(string Name, string Slug)>(names.Count);
        foreach (var name in names)
        {
            var slug = Slug.ForTopic(name);
            if (seen.Add(slug))
            {
                links.Add((name, slug));
            }
        }

        return links;
    }

    /// <summary><c>[[name as written, slug], ...]</c>, or null when there is none.</summary>
    public static string? Topics(IReadOnlyList<(string Name, string Slug)> links) => links.Count == 0 ? null : Json(writer =>
    {
        writer.WriteStartArray();
        foreach (var (name, slug) in links)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(name);
            writer.WriteStringValue(slug);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    });

    /// <summary><c>[url, width, height]</c> of the image at position 0, or null when there is none.</summary>
    public static string? FirstImage(IReadOnlyList<Image> images) => images.FirstOrDefault(image => image.Position == 0) is not { } first ? null : Json(writer =>
    {
        writer.WriteStartArray();
        writer.WriteStringValue(first.Url);
        Number(writer, first.Width);
        Number(writer, first.Height);
        writer.WriteEndArray();
    });

    private static void Number(Utf8JsonWriter writer, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
