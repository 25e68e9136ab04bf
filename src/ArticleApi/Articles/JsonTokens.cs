using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ArticleApi.Articles;

/// <summary>
/// Forward-only reads of short JSON texts held as strings (the list columns of <see cref="ArticleJsonColumns"/>): the
/// text is encoded to UTF-8 once, on the stack up to 2 KB, and read token by token. A token of another kind than the
/// reader expects is a <see cref="JsonException"/>, as JsonDocument's accessors would throw.
/// </summary>
internal static class JsonTokens
{
    public delegate TResult Reader<out TResult>(ref Utf8JsonReader reader);

    public static TResult Read<TResult>(string json, Reader<TResult> read)
    {
        var length = Encoding.UTF8.GetByteCount(json);
        byte[]? rented = null;
        var buffer = length <= 2048 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var reader = new Utf8JsonReader(buffer[..Encoding.UTF8.GetBytes(json, buffer)]);
            return read(ref reader);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("the JSON text ends early");

    public static void Next(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (Next(ref reader) != expected)
        {
            throw new JsonException($"expected {expected}, found {reader.TokenType}");
        }
    }

    public static string String(ref Utf8JsonReader reader)
    {
        Next(ref reader, JsonTokenType.String);
        return reader.GetString()!;
    }

    public static int? Int(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.GetInt32(),
        var other => throw new JsonException($"expected a number or null, found {other}"),
    };
}
