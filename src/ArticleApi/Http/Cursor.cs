using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace ArticleApi.Http;

/// <summary>
/// The position after the last row of a page: the sort it belongs to, that row's sort value (typed: an
/// <see cref="int"/>, <see cref="long"/> or <see cref="double"/>, null when the row had none) and its id, which breaks
/// ties. Opaque to clients: base64url of a small JSON array of invariant text.
/// </summary>
internal sealed record Cursor(string Sort, object? Value, string Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { Sort, CursorValue.Format(Value), Id }));

    /// <summary>
    /// Decodes and checks <paramref name="text"/> once: a cursor of another sort, one whose value is not of
    /// <paramref name="value"/>'s kind, or anything unreadable, is a 400 on <paramref name="parameter"/> and null is returned.
    /// </summary>
    public static Cursor? Read(ParameterReader reader, string? text, string sort, CursorValue value, string parameter = "cursor")
    {
        if (text is null)
        {
            return null;
        }

        var parts = TryDecode(text);
        if (parts is null)
        {
            Reject(reader, parameter);
            return null;
        }

        var (cursorSort, valueText, id) = parts.Value;
        if (cursorSort != sort)
        {
            reader.Fail(parameter, $"belongs to sort '{cursorSort}', not '{sort}': keep the sort of the page it came from.");
            return null;
        }

        if (!value.TryRead(valueText, out var typed))
        {
            Reject(reader, parameter);
            return null;
        }

        return new Cursor(sort, typed, id);
    }

    /// <summary>The one answer to a cursor that cannot be read, including one whose position is not of its sort's type.</summary>
    private static void Reject(ParameterReader reader, string parameter) =>
        reader.Fail(parameter, "is not a cursor this API gave out: use the 'next' link of a previous page.");

    private static (string Sort, string? Value, string Id)? TryDecode(string text)
    {
        try
        {
            var parts = JsonSerializer.Deserialize<string?[]>(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)));
            return parts is [{ } sort, var value, { } id] ? (sort, value, id) : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
