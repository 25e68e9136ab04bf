using System.Text;

namespace ArticleApi.Import.Reading;

/// <summary>URL slugs: lowercase ASCII letters and digits, runs of anything else turned into one '-'.</summary>
internal static class Slug
{
    /// <summary>A topic's slug; a name with no letter or digit gets one from its hash, so it still has a URL.</summary>
    public static string ForTopic(string name)
    {
        var slug = From(name);
        return slug.Length > 0 ? slug : "topic-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 4));
    }

    public static string From(string text) => From(text.AsSpan());

    /// <summary>The slug of <paramref name="text"/>; one string made, which a folder of a million paths feels.</summary>
    public static string From(ReadOnlySpan<char> text)
    {
        // Decomposing accents costs more than the rest; most paths and topic names are plain ASCII and need none.
        ReadOnlySpan<char> decomposed = System.Text.Ascii.IsValid(text) ? text : text.ToString().Normalize(NormalizationForm.FormD);
        // A slug is never longer than its text: each '-' stands for at least one character that is not a letter or digit.
        Span<char> buffer = decomposed.Length <= 256 ? stackalloc char[decomposed.Length] : new char[decomposed.Length];
        var length = 0;
        var pendingDash = false;
        foreach (var character in decomposed)
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                if (pendingDash && length > 0)
                {
                    buffer[length++] = '-';
                }

                buffer[length++] = char.ToLowerInvariant(character);
                pendingDash = false;
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(character) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                // Accents fall away ("é" -> "e"); every other character separates words.
                pendingDash = true;
            }
        }

        return new string(buffer[..length]);
    }
}
