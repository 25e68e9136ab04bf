using System.Security.Cryptography;
using System.Text;

namespace ArticleApi.Import.Reading;

/// <summary>
/// The public article id. Rule: the slug of the file's path relative to the source folder, without extension
/// (<c>ai/_news/2021-11-09-nvidia.md</c> becomes <c>ai-news-2021-11-09-nvidia</c>). It depends on nothing but
/// that path, so it is the same on every machine and every re-import, and two folders holding the same file name
/// give two ids. In the rare case where two different paths slug alike (<c>a_b/x.md</c> and <c>a-b/x.md</c>),
/// each such path gets a suffix of 8 hex digits of the SHA-256 of its relative path, again a function of the path alone.
/// </summary>
internal static class ArticleIdentity
{
    /// <summary>The plain id of <paramref name="relativePath"/> (forward slashes).</summary>
    public static string PlainId(string relativePath)
    {
        var extension = Path.GetExtension(relativePath);
        var withoutExtension = relativePath[..^extension.Length];
        var slug = Slug.From(withoutExtension);
        return slug.Length > 0 ? slug : "item";
    }

    /// <summary>The id with the path's own suffix, used for every path whose plain id is shared.</summary>
    public static string DisambiguatedId(string relativePath)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(relativePath));
        return PlainId(relativePath) + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }

    /// <summary>
    /// Ids for a whole folder listing: plain where unique, suffixed for every path that shares an id, until no two paths
    /// share one (a plain id can equal another path's suffixed id: <c>a-b-x-1234abcd.md</c> beside <c>a_b/x.md</c> and
    /// <c>a-b/x.md</c>; that path is then suffixed too). Paths whose suffixed ids still collide (the first 8 hex digits
    /// of their hashes agree) get no id: each is returned with the reason, and fails on its own.
    /// </summary>
    public static (Dictionary<string, string> Ids, Dictionary<string, string> Collisions) Assign(IEnumerable<string> relativePaths)
    {
        var paths = relativePaths.ToList();
        var suffixed = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var byId = paths.GroupBy(path => suffixed.Contains(path) ? DisambiguatedId(path) : PlainId(path), StringComparer.Ordinal)
                .Where(group => group.Skip(1).Any()).ToList();
            var newlySuffixed = byId.SelectMany(group => group).Where(path => !suffixed.Contains(path)).ToList();
            suffixed.UnionWith(newlySuffixed);
            if (newlySuffixed.Count == 0)
            {
                var collisions = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var group in byId)
                {
                    foreach (var path in group)
                    {
                        var others = string.Join(", ", group.Where(other => other != path).Select(other => $"'{other}'"));
                        collisions[path] = $"its id '{group.Key}' is also the id of {others}: rename one of them";
                    }
                }

                var ids = paths.Where(path => !collisions.ContainsKey(path))
                    .ToDictionary(path => path, path => suffixed.Contains(path) ? DisambiguatedId(path) : PlainId(path), StringComparer.Ordinal);
                return (ids, collisions);
            }
        }
    }
}
