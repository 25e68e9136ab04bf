using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace ArticleApi.Http;

/// <summary>
/// The position after the last row of a page: the sort it belongs to, that row's sort value (invariant text, null
/// when the row had none) and its id, which breaks ties. Opaque to clients: base64url of a small JSON array.
/// </summary>
internal sealed record Cursor(string Sort, string? Value, string Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { Sort, Value, Id }));

    /// <summary>Decodes <paramref name="text"/>; a cursor of another sort, or anything unreadable, is a 400 on <c>cursor</c>.</summary>
    public static Cursor? Read(ParameterReader reader, string? text, string sort)
    {
        if (text is null)
        {
            return null;
        }

        var cursor = TryDecode(text);
        if (cursor is null)
        {
            Reject(reader);
            return null;
        }

        if (cursor.Sort != sort)
        {
            reader.Fail("cursor", $"belongs to sort '{cursor.Sort}', not '{sort}': keep the sort of the page it came from.");
            return null;
        }

        return cursor;
    }

    /// <summary>The one answer to a cursor that cannot be read, including one whose position is not of its sort's type.</summary>
    public static void Reject(ParameterReader reader) =>
        reader.Fail("cursor", "is not a cursor this API gave out: use the 'next' link of a previous page.");

    private static Cursor? TryDecode(string text)
    {
        try
        {
            var parts = JsonSerializer.Deserialize<string?[]>(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)));
            return parts is [{ } sort, var value, { } id] ? new Cursor(sort, value, id) : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
