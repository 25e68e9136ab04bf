using System.Security.Cryptography;
using System.Text;

namespace ArticleApi.Import;

/// <summary>
/// The key that guards <c>POST /import</c>, sent in a header: a cross-site form (the only cross-site POST a browser
/// sends without asking) cannot set one, and the comparison takes the same time whatever the guess.
/// </summary>
internal static class AdminKey
{
    public const string HeaderName = "X-Admin-Key";

    public static bool Matches(string configured, string? sent) =>
        sent is not null
        // Hashes first: equal lengths, so the comparison's time tells nothing about the key's length either.
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(sent)));
}
