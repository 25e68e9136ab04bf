using System.Globalization;

namespace ArticleApi.Http;

/// <summary>
/// Where a row stands in the popularity order: its heat (null when it has none) and its recency key (the published
/// instant in Unix milliseconds, or a value below every date when it has none). Written as <c>heat:recency</c>.
/// </summary>
internal readonly record struct PopularityPosition(int? Heat, long Recency)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Heat}:{Recency}");

    /// <summary>The position <see cref="ToString"/> wrote, or null when <paramref name="text"/> is not one.</summary>
    public static PopularityPosition? Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !long.TryParse(text.AsSpan(colon + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var recency))
        {
            return null;
        }

        if (colon == 0)
        {
            return new PopularityPosition(null, recency);
        }

        return int.TryParse(text.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var heat)
            ? new PopularityPosition(heat, recency)
            : null;
    }
}
