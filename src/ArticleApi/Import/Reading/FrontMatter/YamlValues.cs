using System.Globalization;
using System.Text.Json.Nodes;
using ArticleApi.Model;

namespace ArticleApi.Import.Reading.FrontMatter;

/// <summary>
/// Reads typed values out of <see cref="YamlNode"/>s. A value of the wrong type throws <see cref="FrontMatterException"/>
/// with the node's place, so the file fails with line, column and the key's name.
/// </summary>
internal static class YamlValues
{
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss K", "yyyy-MM-dd",
    ];

    public static string? String(YamlNode? node, string name) => node switch
    {
        null => null,
        YamlScalar { IsNull: true } => null,
        YamlScalar scalar => scalar.Value,
        _ => throw WrongType(node, name, "a string"),
    };

    /// <summary>
    /// Longest value, in UTF-8 bytes, of a string the database indexes (URLs, type, provider domain, topic, path).
    /// PostgreSQL refuses a B-tree entry over 2,704 bytes, and a refused row would fail its whole batch; 1,000 bytes
    /// leaves room for the two-column keys (domain and id) and is four times the longest such value in the corpus.
    /// </summary>
    public const int MaxIndexedBytes = 1000;

    /// <summary>A string the database looks things up by: as <see cref="String"/>, at most <see cref="MaxIndexedBytes"/> long.</summary>
    public static string? IndexedString(YamlNode? node, string name)
    {
        var value = String(node, name);
        var bytes = value is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(value);
        return bytes <= MaxIndexedBytes
            ? value
            : throw new FrontMatterException($"{name} is {bytes} bytes long, over the limit of {MaxIndexedBytes} for a value that is indexed", node!.Line, node.Column);
    }

    public static int? Integer(YamlNode? node, string name, int minimum)
    {
        if (node is null or YamlScalar { IsNull: true })
        {
            return null;
        }

        if (node is YamlScalar { IsPlain: true } scalar
            && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value >= minimum
                ? value
                : throw new FrontMatterException($"{name} must be at least {minimum}, got {value}", node.Line, node.Column);
        }

        throw WrongType(node, name, "an integer");
    }

    public static bool? Boolean(YamlNode? node, string name) => node switch
    {
        null or YamlScalar { IsNull: true } => null,
        YamlScalar { IsPlain: true, Value: "true" or "True" or "TRUE" } => true,
        YamlScalar { IsPlain: true, Value: "false" or "False" or "FALSE" } => false,
        _ => throw WrongType(node, name, "true or false"),
    };

    /// <summary>An ISO 8601 instant or date; without an offset it is taken as UTC.</summary>
    public static DateTimeOffset? Instant(YamlNode? node, string name)
    {
        if (node is null or YamlScalar { IsNull: true })
        {
            return null;
        }

        if (node is YamlScalar scalar
            && Iso8601.TryParse(scalar.Value.Trim(), (string text, out DateTimeOffset parsed) => DateTimeOffset.TryParseExact(text, InstantFormats,
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out parsed), out var value))
        {
            return value;
        }

        throw WrongType(node, name, "a date-time such as 2021-11-09T11:44:00Z");
    }

    public static YamlMap? Map(YamlNode? node, string name) => node switch
    {
        null or YamlScalar { IsNull: true } => null,
        YamlMap map => map,
        _ => throw WrongType(node, name, "a map of keys and values"),
    };

    /// <summary>A list; a single value written without a list is taken as a list of one.</summary>
    public static IReadOnlyList<YamlNode> List(YamlNode? node) => node switch
    {
        null or YamlScalar { IsNull: true } => [],
        YamlSequence sequence => sequence.Items,
        _ => [node],
    };

    /// <summary>
    /// The node as JSON, for keys the model does not know. Plain scalars resolve as YAML's core schema does
    /// (null, booleans, integers, floats); quoted scalars stay strings.
    /// </summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlScalar scalar => ScalarToJson(scalar),
        YamlSequence sequence => new JsonArray([.. sequence.Items.Select(ToJson)]),
        YamlMap map => ToJsonObject(map.Entries),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    public static JsonObject ToJsonObject(IEnumerable<KeyValuePair<string, YamlNode>> entries)
    {
        var json = new JsonObject();
        foreach (var (key, value) in entries)
        {
            json[key] = ToJson(value);
        }

        return json;
    }

    private static JsonValue? ScalarToJson(YamlScalar scalar)
    {
        if (!scalar.IsPlain)
        {
            return JsonValue.Create(scalar.Value);
        }

        if (scalar.IsNull)
        {
            return null;
        }

        var text = scalar.Value;
        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }

    private static FrontMatterException WrongType(YamlNode node, string name, string expected)
    {
        var found = node switch
        {
            YamlScalar scalar => $"'{Shorten(scalar.Value)}'",
            YamlSequence => "a list",
            _ => "a map",
        };
        return new FrontMatterException($"{name} must be {expected}, got {found}", node.Line, node.Column);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
