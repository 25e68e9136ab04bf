using ArticleApi.Http;

namespace ArticleApi.Articles;

/// <summary>
/// What <c>fields</c> may name: the members of a list item (<see cref="ArticleListItem"/>) on the lists, of the whole
/// article (<see cref="ArticleDetail"/>) on its detail, as the JSON names them. A test ties both lists to the records.
/// </summary>
internal static class ArticleFields
{
    public static readonly IReadOnlyList<string> List =
    [
        "id", "sourcePath", "title", "excerpt", "publishedDateTime", "webUrl", "type", "category", "quality", "heat", "published",
        "provider", "topics", "image", "snippet",
    ];

    public static readonly IReadOnlyList<string> Detail =
    [
        "id", "sourcePath", "title", "excerpt", "publishedDateTime", "originalUrl", "webUrl", "ampWebUrl", "cdnAmpWebUrl", "type",
        "category", "quality", "heat", "published", "provider", "topics", "images", "related", "secured", "body", "importedAt", "extra",
    ];

    /// <summary>The selection of a list in <paramref name="format"/>: JSON, NDJSON and CSV take one; a feed's elements are fixed by its format.</summary>
    public static FieldSelection? ReadList(ParameterReader reader, string[]? values, ResponseFormat? format)
    {
        var fields = FieldSelection.Read(reader, values, List);
        if (fields is not null && format is not null && format != ResponseFormat.Json && !format.IsExport)
        {
            reader.Fail(FieldSelection.ParameterName, $"does not apply to the {format.Name} feed, whose elements its format fixes: use it with json, ndjson or csv.");
            return null;
        }

        return fields;
    }
}
