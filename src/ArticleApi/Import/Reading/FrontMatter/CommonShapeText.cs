namespace ArticleApi.Import.Reading.FrontMatter;

/// <summary>
/// The text <see cref="CommonShapeYaml"/> reads as written: keys of letters, digits, '_' and '-', and scalars YAML
/// takes literally. Whatever might mean something else to YAML is refused here, and the general reader reads the file.
/// </summary>
internal static class CommonShapeText
{
    /// <summary>The spaces that start the line at <paramref name="lineStart"/>.</summary>
    public static int Indent(string text, int lineStart)
    {
        var end = lineStart;
        while (end < text.Length && text[end] == ' ')
        {
            end++;
        }

        return end - lineStart;
    }

    /// <summary>The end of a key (at its colon) that starts at <paramref name="start"/>, if a plain key and a colon are there; else -1.</summary>
    public static int KeyEnd(string text, int start)
    {
        if (start >= text.Length || !(char.IsAsciiLetter(text[start]) || text[start] == '_'))
        {
            return -1;
        }

        var end = start + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-'))
        {
            end++;
        }

        return end < text.Length && text[end] == ':' && (end + 1 == text.Length || text[end + 1] is ' ' or '\n') ? end : -1;
    }

    /// <summary>The scalar a line's rest holds, plain or double-quoted without escapes; null when YAML might read it otherwise.</summary>
    public static (string Value, bool IsPlain)? Scalar(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        if (text[0] == '"')
        {
            var content = text.Length >= 2 && text[^1] == '"' ? text[1..^1] : "\\";
            return content.IndexOfAny('"', '\\') < 0 && IsPrintable(content) ? (content.ToString(), false) : null;
        }

        return IsPlainScalar(text) ? (text.ToString(), true) : null;
    }

    /// <summary>A plain scalar that means the same text to YAML as written: no indicator first, no comment, no key inside, nothing trimmed.</summary>
    private static bool IsPlainScalar(ReadOnlySpan<char> text) =>
        !text.IsEmpty
        && ("-?:,[]{}#&*!|>'\"%@` ".IndexOf(text[0]) < 0 || IsNegativeOrWord(text))
        && text[^1] is not (' ' or ':')
        && text.IndexOf(": ") < 0
        && text.IndexOf(" #") < 0
        && IsPrintable(text);

    /// <summary>A dash that starts a value such as <c>-1</c> (heat's "unknown") is text, not a list item: no space follows it.</summary>
    private static bool IsNegativeOrWord(ReadOnlySpan<char> text) => text.Length > 1 && text[0] == '-' && char.IsAsciiLetterOrDigit(text[1]);

    /// <summary>Characters YAML takes as they are: printable, and none it reads as a line break or a byte order mark.</summary>
    private static bool IsPrintable(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAnyExceptInRange(' ', '~') < 0)
        {
            return true;
        }

        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
            else if (c is < ' ' or (> '~' and < '\u00A0') or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
