using System.Text.Json;
using ArticleApi.Data;
using ArticleApi.Model;

namespace ArticleApi.Articles;

/// <summary>
/// Reads the JSON arrays that <see cref="ArticleRowStatements"/> has the database build. Element order is fixed by the
/// statement; NULL and <c>[]</c> are both "none" (PostgreSQL aggregates no rows to NULL); a boolean is true/false on
/// PostgreSQL and 1/0 on SQLite.
/// </summary>
internal static class ArticleJsonColumns
{
    // Topics and the first image are read for every item of every list page: token by token from the text's UTF-8
    // (on the stack when short), without the element tree JsonDocument builds (9% of a facets request's read, traced).

    /// <summary><c>[[name, slug], ...]</c>, or none.</summary>
    public static List<TopicReference> Topics(string? json) => json is null ? [] : JsonTokens.Read(json, static (ref reader) =>
    {
        var topics = new List<TopicReference>();
        JsonTokens.Next(ref reader, JsonTokenType.StartArray);
        while (JsonTokens.Next(ref reader) == JsonTokenType.StartArray)
        {
            var name = JsonTokens.String(ref reader);
            var slug = JsonTokens.String(ref reader);
            JsonTokens.Next(ref reader, JsonTokenType.EndArray);
            topics.Add(new TopicReference(name, slug));
        }

        return topics;
    });

    /// <summary><c>[url, width, height]</c>, or none.</summary>
    public static ImageSummary? FirstImage(string? json) => json is null ? null : JsonTokens.Read(json, static (ref reader) =>
    {
        JsonTokens.Next(ref reader, JsonTokenType.StartArray);
        return new ImageSummary(JsonTokens.String(ref reader), JsonTokens.Int(ref reader), JsonTokens.Int(ref reader));
    });

    public static List<ImageDetail> Images(string? json) => Elements(json, image => ImageDetail.From(Image(image)));

    /// <summary>Related links in position order, each resolved to the article it names (<see cref="RelatedLinkReader"/>'s rule).</summary>
    public static List<RelatedLinkResponse> Related(string? json, string sourceArticleId) => Elements(json, link =>
    {
        var related = new RelatedLink
        {
            Id = link[0].GetInt64(),
            Title = link[1].GetString(),
            Excerpt = link[2].GetString(),
            PublishedDateTime = Long(link[3]) is { } milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null,
            WebUrl = link[4].GetString(),
            AmpWebUrl = link[5].GetString(),
            CdnAmpWebUrl = link[6].GetString(),
            Type = link[7].GetString(),
            Quality = Int(link[8]),
            ProviderName = link[9].GetString(),
            ProviderDomain = link[10].GetString(),
            Extra = link[11].GetString(),
            Images = link[12].ValueKind == JsonValueKind.Array ? [.. link[12].EnumerateArray().Select(Image)] : [],
        };
        return RelatedLinkReader.ToResponse(related, sourceArticleId, link[13].GetString());
    });

    private static Image Image(JsonElement image) => new()
    {
        Url = image[0].GetString()!,
        Width = Int(image[1]),
        Height = Int(image[2]),
        Title = image[3].GetString(),
        IsCached = image[4].ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => image[4].GetInt32() != 0,
        },
        Extra = image[5].GetString(),
    };

    private static List<T> Elements<T>(string? json, Func<JsonElement, T> read)
    {
        if (json is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        var list = new List<T>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            list.Add(read(element));
        }

        return list;
    }

    private static int? Int(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetInt32();

    private static long? Long(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetInt64();
}
