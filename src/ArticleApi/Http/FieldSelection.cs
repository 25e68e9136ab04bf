using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ArticleApi.Http;

/// <summary>
/// The members a client asked for with <c>fields</c> (repeatable or comma-separated), checked against the members the
/// response type has. Members are written in the response type's own order whatever the order asked, so
/// <c>fields=title,id</c> and <c>fields=id,title</c> give the same body.
/// </summary>
internal sealed class FieldSelection
{
    public const string ParameterName = "fields";

    private readonly HashSet<string> _names;

    private FieldSelection(IEnumerable<string> names) => _names = new HashSet<string>(names, StringComparer.Ordinal);

    /// <summary>Null when <c>fields</c> is absent or empty (every member); an unknown name is a 400 naming <c>fields</c>.</summary>
    public static FieldSelection? Read(ParameterReader reader, string[]? values, IReadOnlyList<string> known)
    {
        var names = ParameterReader.List(values);
        foreach (var name in names.Where(n => !known.Contains(n)))
        {
            reader.Fail(ParameterName, $"'{name}' is not one of: {string.Join(", ", known)}.");
        }

        return names.Count == 0 || names.Any(n => !known.Contains(n)) ? null : new FieldSelection(names);
    }

    public bool Contains(string name) => _names.Contains(name);

    /// <summary>Copies the selected members of the JSON object <paramref name="element"/>.</summary>
    public void WriteObject(Utf8JsonWriter writer, JsonElement element)
    {
        writer.WriteStartObject();
        foreach (var member in element.EnumerateObject().Where(m => _names.Contains(m.Name)))
        {
            member.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// A 200 of <paramref name="value"/> as the API's JSON with only the selected members: of the value itself, or with
    /// <paramref name="ofItems"/> of each element of its <c>items</c> (a page keeps <c>next</c>, <c>total</c> and <c>facets</c>).
    /// </summary>
    public RepresentationResult Json<T>(T value, bool ofItems) => new(ResponseFormat.Json, async context =>
    {
        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var element = JsonSerializer.SerializeToElement(value, options);
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, new JsonWriterOptions { Encoder = options.Encoder }))
        {
            if (!ofItems)
            {
                WriteObject(writer, element);
            }
            else
            {
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject())
                {
                    if (member.Name != "items")
                    {
                        member.WriteTo(writer);
                        continue;
                    }

                    writer.WriteStartArray(member.Name);
                    foreach (var item in member.Value.EnumerateArray())
                    {
                        WriteObject(writer, item);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    });
}
