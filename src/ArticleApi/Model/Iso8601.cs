using System.Text.RegularExpressions;

namespace ArticleApi.Model;

/// <summary>
/// ISO 8601 allows any number of fractional-second digits; .NET reads at most seven (100 ns ticks). Longer fractions
/// are rounded to the nearest tick here, so <c>2025-01-31T08:00:00.123456789Z</c> is read, not refused. Shared by the
/// front-matter reader and the query-string reader so both accept the same instants.
/// </summary>
internal static partial class Iso8601
{
    /// <summary>
    /// <paramref name="text"/> with a fraction of more than seven digits cut to seven, and whether the cut part
    /// rounds up (add one tick to the parsed value).
    /// </summary>
    public static (string Text, bool AddTick) TrimFraction(string text)
    {
        var match = LongFraction().Match(text);
        if (!match.Success)
        {
            return (text, false);
        }

        var digits = match.Groups[1].Value;
        return (text[..match.Index] + "." + digits[..7] + text[(match.Index + match.Length)..], digits[7] >= '5');
    }

    /// <summary>Parses with <paramref name="parse"/> after <see cref="TrimFraction"/>, then rounds.</summary>
    public static bool TryParse(string text, TryParseInstant parse, out DateTimeOffset value)
    {
        var (trimmed, addTick) = TrimFraction(text);
        if (!parse(trimmed, out value))
        {
            return false;
        }

        if (addTick && value < DateTimeOffset.MaxValue)
        {
            value = value.AddTicks(1);
        }

        return true;
    }

    public delegate bool TryParseInstant(string text, out DateTimeOffset value);

    [GeneratedRegex(@"\.(\d{8,})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LongFraction();

}
