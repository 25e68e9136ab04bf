namespace ArticleApi.Import.Reading;

/// <summary>
/// The one order of relative paths in a pass: by Unicode code point, which is the byte order of their UTF-8 (how
/// <see cref="ScannedFiles"/> keeps and searches them). It differs from <see cref="string.CompareOrdinal(string, string)"/>
/// only where a character beyond U+FFFF meets one in U+E000..U+FFFF.
/// </summary>
internal static class PathOrder
{
    public static int Compare(string left, string right)
    {
        var common = left.AsSpan().CommonPrefixLength(right);
        if (common == left.Length || common == right.Length)
        {
            return left.Length.CompareTo(right.Length);
        }

        int x = left[common], y = right[common];
        if (x >= 0xD800 && y >= 0xD800)
        {
            // Surrogates (D800..DFFF) stand for code points above every BMP character: move them past E000..FFFF.
            x = x >= 0xE000 ? x - 0x800 : x + 0x2000;
            y = y >= 0xE000 ? y - 0x800 : y + 0x2000;
        }

        return x.CompareTo(y);
    }
}
