using System.Globalization;

namespace ArticleApi.Http;

/// <summary>
/// What the value of a sort's cursor is: how its text is read into a typed value (once, when the request is validated)
/// and whether a row without a value (a NULL sort column) can be a position.
/// </summary>
internal sealed class CursorValue
{
    private readonly Func<string, object?> _parse;

    private CursorValue(Func<string, object?> parse, bool nullAllowed)
    {
        _parse = parse;
        NullAllowed = nullAllowed;
    }

    /// <summary>An <see cref="int"/> sort column that may be NULL (quality, heat).</summary>
    public static CursorValue NullableInt32 { get; } = new(text => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null, nullAllowed: true);

    /// <summary>An instant as UTC milliseconds since the epoch (within what <see cref="DateTimeOffset"/> holds), may be NULL.</summary>
    public static CursorValue NullableUnixMilliseconds { get; } = new(
        text => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms) && ms is >= -62135596800000 and <= 253402300799999 ? ms : null,
        nullAllowed: true);

    /// <summary>A position in the popularity order (<see cref="PopularityPosition"/>); every row has one.</summary>
    public static CursorValue Popularity { get; } = new(text => PopularityPosition.Parse(text), nullAllowed: false);

    /// <summary>A finite rank (full-text relevance); every ranked row has one.</summary>
    public static CursorValue Double { get; } = new(
        text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null,
        nullAllowed: false);

    /// <summary>A count of zero or more (the ranked reference lists).</summary>
    public static CursorValue Count { get; } = new(text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null, nullAllowed: false);

    /// <summary>A row id of zero or more (the related-link list, ordered by its integer id).</summary>
    public static CursorValue RowId { get; } = new(text => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null, nullAllowed: false);

    public bool NullAllowed { get; }

    /// <summary>The typed value of <paramref name="text"/>, or false when it is not a value of this kind.</summary>
    public bool TryRead(string? text, out object? value)
    {
        value = text is null ? null : _parse(text);
        return text is null ? NullAllowed : value is not null;
    }

    /// <summary>Invariant text of a typed value, as <see cref="TryRead"/> reads it back.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
