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

    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        // Decomposing accents costs more than the rest; most paths and topic names are plain ASCII and need none.
        var decomposed = System.Text.Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormD);
        foreach (var character in decomposed)
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(character));
                pendingDash = false;
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(character) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                // Accents fall away ("é" -> "e"); every other character separates words.
                pendingDash = true;
            }
        }

        return builder.ToString();
    }
}
