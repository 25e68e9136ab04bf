using System.Globalization;
using ArticleApi.Model;

namespace ArticleApi.Http;

/// <summary>
/// The one place query parameters are parsed. Every parameter arrives as text, so a value like <c>minQuality=abc</c>
/// gets our own 400 naming the parameter instead of ASP.NET's binding failure. Errors collect, so one response lists
/// every bad parameter at once.
/// </summary>
internal sealed class ParameterReader
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public IDictionary<string, string[]> Errors => _errors;

    public void Fail(string name, string message) =>
        _errors[name] = _errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];

    public int? Integer(string name, string? value, int minimum, int maximum)
    {
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            Fail(name, $"'{value}' is not a whole number.");
            return null;
        }

        if (number < minimum || number > maximum)
        {
            Fail(name, $"{number} is out of range: use {minimum} to {maximum}.");
            return null;
        }

        return number;
    }

    public bool? Boolean(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        Fail(name, $"'{value}' is not a boolean: use true or false.");
        return null;
    }

    /// <summary>A date (yyyy-MM-dd, a UTC day) or an instant with an offset; a date as an upper bound means the end of that day.</summary>
    public DateTimeOffset? Instant(string name, string? value, bool endOfDay)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // The last millisecond of the day (the stored precision), which also works for 9999-12-31.
            return new DateTimeOffset(date.ToDateTime(endOfDay ? new TimeOnly(23, 59, 59, 999) : TimeOnly.MinValue), TimeSpan.Zero);
        }

        // An instant must say its offset (Z or +hh:mm): a local time would mean something different on every server.
        if (value.Length > 10 && (value.EndsWith('Z') || value.EndsWith('z') || value[^6] is '+' or '-')
            && Iso8601.TryParse(value, (string text, out DateTimeOffset parsed) => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed), out var instant))
        {
            return instant;
        }

        Fail(name, $"'{value}' is not a date (yyyy-MM-dd) or an instant with an offset (2025-01-31T08:00:00Z).");
        return null;
    }

    /// <summary>One of <paramref name="allowed"/>, compared exactly.</summary>
    public string? OneOf(string name, string? value, IReadOnlyCollection<string> allowed)
    {
        if (value is null || allowed.Contains(value))
        {
            return value;
        }

        Fail(name, $"'{value}' is not one of: {string.Join(", ", allowed)}.");
        return null;
    }

    /// <summary>Non-empty values of a repeatable parameter; each may also be a comma-separated list.</summary>
    public static IReadOnlyList<string> List(string[]? values) =>
        values is null ? [] : [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    /// <summary>Non-blank text, or null; blank text is an error rather than silently ignored.</summary>
    public string? Text(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(name, "must not be empty.");
            return null;
        }

        return value.Trim();
    }
}
