using System.Globalization;
using System.Text;

namespace ArticleApi.Articles.Snippets;

/// <summary>
/// The words of a text as the full-text indexes see them: runs of letters, digits and private-use characters (FTS5's
/// <c>unicode61</c> token characters), marks joining the letter before them; matched case-insensitively and without
/// diacritics (<c>remove_diacritics 2</c> on SQLite, <c>unaccent</c> on PostgreSQL).
/// </summary>
internal static class TextTokens
{
    /// <summary>Each word of <paramref name="text"/> as its start and end offsets (end excluded).</summary>
    public static List<(int Start, int End)> Of(string text)
    {
        var tokens = new List<(int Start, int End)>();
        var start = -1;
        var index = 0;
        while (index < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var length);
            var category = Rune.GetUnicodeCategory(rune);
            if (IsWordCharacter(category) || (start >= 0 && IsMark(category)))
            {
                start = start < 0 ? index : start;
            }
            else if (start >= 0)
            {
                tokens.Add((start, index));
                start = -1;
            }

            index += length;
        }

        if (start >= 0)
        {
            tokens.Add((start, text.Length));
        }

        return tokens;
    }

    /// <summary>
    /// A word folded for comparison: lower case, diacritics removed. ASCII words (nearly all) only change case, without
    /// the decomposition.
    /// </summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        if (Ascii.IsValid(word))
        {
            return word.ToString().ToLowerInvariant();
        }

        var decomposed = word.ToString().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (!IsMark(Rune.GetUnicodeCategory(rune)))
            {
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsWordCharacter(UnicodeCategory category) => category
        is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.PrivateUse;

    private static bool IsMark(UnicodeCategory category) => category
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
