using System.Text;

namespace ArticleApi.Import;

/// <summary>URL slugs: lowercase ASCII letters and digits, runs of anything else turned into one '-'.</summary>
internal static class Slug
{
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var character in text.Normalize(NormalizationForm.FormD))
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
