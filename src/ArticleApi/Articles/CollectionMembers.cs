using System.Text.Json;

namespace ArticleApi.Articles;

/// <summary>
/// The rule that turns a collection's <c>items</c> entry into the file it names. An entry is a path without extension
/// relative to a folder above the collection's own (<c>courses/x</c> in <c>_learning/collections/c.md</c> names
/// <c>_learning/courses/x.md</c>): the nearest such folder that holds <c>entry.md</c> or <c>entry.markdown</c> wins.
/// </summary>
internal static class CollectionMembers
{
    public const string CollectionType = "collection";

    private static readonly string[] Extensions = [".md", ".markdown"];

    /// <summary>The entries of a collection's <c>items</c> (its extra keys as JSON), in order; empty when it has none.</summary>
    public static IReadOnlyList<string> Entries(string? extraJson)
    {
        if (string.IsNullOrEmpty(extraJson))
        {
            return [];
        }

        using var document = JsonDocument.Parse(extraJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. items.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText())];
    }

    /// <summary>The source paths <paramref name="entry"/> may name from <paramref name="collectionPath"/>, nearest folder first.</summary>
    public static IReadOnlyList<string> Candidates(string collectionPath, string entry)
    {
        var relative = entry.Trim().Trim('/');
        if (relative.Length == 0 || relative.Split('/').Any(part => part is "" or "." or ".."))
        {
            return [];
        }

        var candidates = new List<string>();
        var folder = Parent(collectionPath);
        while (folder is not null)
        {
            foreach (var extension in Extensions)
            {
                candidates.Add((folder.Length == 0 ? "" : folder + "/") + relative + extension);
            }

            folder = folder.Length == 0 ? null : Parent(folder);
        }

        return candidates;
    }

    /// <summary>The first of <paramref name="candidates"/> that exists, or null.</summary>
    public static string? Resolve(IReadOnlyList<string> candidates, IReadOnlySet<string> existing) =>
        candidates.FirstOrDefault(existing.Contains);

    private static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }
}
