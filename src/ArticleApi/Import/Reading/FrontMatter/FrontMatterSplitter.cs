namespace ArticleApi.Import.Reading.FrontMatter;

/// <summary>
/// Finds the front matter: the text between a first line <c>---</c> and the next line that is exactly <c>---</c>.
/// Only whole lines count, so a <c>---</c> inside a quoted value is never taken for the delimiter.
/// </summary>
internal static class FrontMatterSplitter
{
    private const string Delimiter = "---";

    /// <summary>Splits <paramref name="text"/>; false when the first line is not the opening delimiter.</summary>
    /// <param name="text">The whole file, BOM already removed.</param>
    /// <param name="yaml">The front matter (without delimiters); null when no closing line was found.</param>
    /// <param name="body">Everything after the closing line; "" when that is only blank lines.</param>
    public static bool TrySplit(string text, out string? yaml, out string body)
    {
        yaml = null;
        body = "";
        var firstLineEnd = LineEnd(text, 0, out var next);
        if (!IsDelimiter(text.AsSpan(0, firstLineEnd)))
        {
            return false;
        }

        var start = next;
        var position = next;
        while (position < text.Length)
        {
            var end = LineEnd(text, position, out next);
            if (IsDelimiter(text.AsSpan(position, end - position)))
            {
                yaml = text[start..position];
                // Only blank lines after the closing line (the usual blank line after front matter) is no body: "", not "\n".
                body = text.AsSpan(next).IsWhiteSpace() ? "" : text[next..];
                return true;
            }

            position = next;
        }

        return true;
    }

    private static bool IsDelimiter(ReadOnlySpan<char> line) => line.TrimEnd(" \t\r").SequenceEqual(Delimiter);

    /// <summary>Index of the end of the line starting at <paramref name="start"/> (before '\n'); <paramref name="next"/> is the next line's start.</summary>
    private static int LineEnd(string text, int start, out int next)
    {
        var newline = text.IndexOf('\n', start);
        if (newline < 0)
        {
            next = text.Length;
            return text.Length;
        }

        next = newline + 1;
        return newline;
    }
}
