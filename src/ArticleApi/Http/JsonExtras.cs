using System.Text.Json;

namespace ArticleApi.Http;

/// <summary>Reads the JSON columns that keep a file's unknown keys, for serving them back as they were written.</summary>
internal static class JsonExtras
{
    public static Dictionary<string, JsonElement>? Object(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
            : null;
    }

    public static JsonElement? Element(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
