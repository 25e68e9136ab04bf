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
        var path = relativePath.AsSpan();
        var slug = Slug.From(path[..^Path.GetExtension(path).Length]);
        return slug.Length > 0 ? slug : "item";
    }

    /// <summary>The id with the path's own suffix, used for every path whose plain id is shared.</summary>
    public static string DisambiguatedId(string relativePath)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(relativePath));
        return PlainId(relativePath) + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }
}
