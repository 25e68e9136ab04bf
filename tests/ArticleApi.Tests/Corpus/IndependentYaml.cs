using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace ArticleApi.Tests.Corpus;

/// <summary>
/// Reads a file's front matter with YamlDotNet's representation model, a path independent of the importer's parser,
/// into JSON where every scalar is its text (the comparison normalises both sides to text).
/// </summary>
internal static class IndependentYaml
{
    public static JsonObject? ReadFrontMatter(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            return null;
        }

        var close = Array.FindIndex(lines, 1, line => line.TrimEnd() == "---");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(string.Join('\n', lines[1..close])));
        return yaml.Documents.Count == 0 ? null : ToJson(yaml.Documents[0].RootNode) as JsonObject;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "" or "~" or "null" } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException("unexpected node " + node.NodeType),
    };

    /// <summary>Scalars as text, instants as UTC instants, so 69 equals "69" and an offset date equals its UTC form.</summary>
    public static JsonNode? Normalise(JsonNode? node, string key = "") => node switch
    {
        JsonObject json => new JsonObject(json.Select(pair => KeyValuePair.Create(pair.Key, Normalise(pair.Value, pair.Key)))),
        JsonArray array => new JsonArray([.. array.Select(item => Normalise(item, key))]),
        JsonValue value when key == "publishedDateTime" => JsonValue.Create(
            DateTimeOffset.Parse(Text(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
        JsonValue value => JsonValue.Create(Text(value)),
        null => null,
        _ => throw new InvalidOperationException(),
    };

    private static string Text(JsonValue value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
        System.Text.Json.JsonValueKind.True => "true",
        System.Text.Json.JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };
}
