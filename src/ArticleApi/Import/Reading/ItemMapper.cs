using System.Text.Json;
using ArticleApi.Articles;
using ArticleApi.Import.Reading.FrontMatter;
using ArticleApi.Model;
using Image = ArticleApi.Model.Image;

namespace ArticleApi.Import.Reading;

/// <summary>
/// Turns parsed front matter into an <see cref="Article"/> (not yet identified or stored). Pure. Known keys go to
/// their columns, typed and checked; every other key, at any level the model has a place for, is kept as JSON.
/// </summary>
internal static class ItemMapper
{
    private static readonly HashSet<string> ArticleKeys =
    [
        "title", "excerpt", "publishedDateTime", "originalUrl", "webUrl", "ampWebUrl", "cdnAmpWebUrl", "type",
        "category", "quality", "heat", "published", "provider", "topics", "images", "related", "secured",
    ];

    private static readonly HashSet<string> ProviderKeys = ["name", "domain", "images"];

    private static readonly HashSet<string> ImageKeys = ["url", "width", "height", "title", "isCached"];

    private static readonly HashSet<string> RelatedKeys =
    [
        "title", "excerpt", "publishedDateTime", "webUrl", "ampWebUrl", "cdnAmpWebUrl", "type", "quality", "provider", "images",
    ];

    public static FileOutcome Map(YamlMap frontMatter, string body)
    {
        var titleNode = frontMatter["title"];
        if (titleNode is null or YamlScalar { IsNull: true })
        {
            return new FileOutcome.Skipped("no title: not an item (a profile, a README or another page)");
        }

        try
        {
            var title = YamlValues.String(titleNode, "title")!;
            if (string.IsNullOrWhiteSpace(title))
            {
                return new FileOutcome.Skipped("title is empty: not an item");
            }

            return new FileOutcome.Item(MapArticle(frontMatter, title, body), TopicNames(frontMatter["topics"]));
        }
        catch (FrontMatterException exception)
        {
            return new FileOutcome.Failed(exception.Line, exception.Column, exception.Message);
        }
    }

    private static Article MapArticle(YamlMap map, string title, string body)
    {
        var webUrl = YamlValues.IndexedString(map["webUrl"], "webUrl");
        var originalUrl = YamlValues.IndexedString(map["originalUrl"], "originalUrl");
        var provider = YamlValues.Map(map["provider"], "provider");
        return new Article
        {
            Id = "",
            SourcePath = "",
            ContentHash = "",
            Title = title,
            Excerpt = YamlValues.String(map["excerpt"], "excerpt"),
            PublishedDateTime = YamlValues.Instant(map["publishedDateTime"], "publishedDateTime"),
            WebUrl = webUrl,
            OriginalUrl = originalUrl,
            AmpWebUrl = YamlValues.String(map["ampWebUrl"], "ampWebUrl"),
            CdnAmpWebUrl = YamlValues.String(map["cdnAmpWebUrl"], "cdnAmpWebUrl"),
            Link = webUrl ?? originalUrl,
            Type = YamlValues.IndexedString(map["type"], "type"),
            Category = YamlValues.String(map["category"], "category"),
            Quality = YamlValues.Integer(map["quality"], "quality", minimum: 0),
            Heat = YamlValues.Integer(map["heat"], "heat", minimum: -1),
            Published = YamlValues.Boolean(map["published"], "published"),
            ProviderDomain = NullIfEmpty(YamlValues.IndexedString(provider?["domain"], "provider.domain")),
            ProviderName = YamlValues.String(provider?["name"], "provider.name"),
            ProviderImages = Images(provider?["images"], "provider.images"),
            ProviderExtra = ExtraJson(provider, ProviderKeys),
            Secured = YamlValues.String(map["secured"], "secured"),
            Body = body,
            Images = Images(map["images"], "images"),
            Related = [.. YamlValues.List(map["related"]).Select((node, index) => MapRelated(node, $"related[{index}]", index))],
            Extra = ExtraJson(map, ArticleKeys),
        };
    }

    private static RelatedLink MapRelated(YamlNode node, string name, int position)
    {
        var map = YamlValues.Map(node, name) ?? throw new FrontMatterException($"{name} must be a map of keys and values, got nothing", node.Line, node.Column);
        var provider = YamlValues.Map(map["provider"], name + ".provider");
        var extra = Extra(map, RelatedKeys);
        var providerExtra = Extra(provider, ProviderKeys);
        if (providerExtra is not null)
        {
            // A related link keeps one JSON column: provider keys beyond name and domain travel under "provider".
            extra ??= [];
            extra["provider"] = providerExtra;
        }

        return new RelatedLink
        {
            Position = position,
            Title = YamlValues.String(map["title"], name + ".title"),
            Excerpt = YamlValues.String(map["excerpt"], name + ".excerpt"),
            PublishedDateTime = YamlValues.Instant(map["publishedDateTime"], name + ".publishedDateTime"),
            WebUrl = YamlValues.IndexedString(map["webUrl"], name + ".webUrl"),
            AmpWebUrl = YamlValues.String(map["ampWebUrl"], name + ".ampWebUrl"),
            CdnAmpWebUrl = YamlValues.String(map["cdnAmpWebUrl"], name + ".cdnAmpWebUrl"),
            Type = YamlValues.String(map["type"], name + ".type"),
            Quality = YamlValues.Integer(map["quality"], name + ".quality", minimum: 0),
            ProviderName = YamlValues.String(provider?["name"], name + ".provider.name"),
            ProviderDomain = NullIfEmpty(YamlValues.IndexedString(provider?["domain"], name + ".provider.domain")),
            Images = Images(map["images"], name + ".images"),
            Extra = extra?.ToJsonString(JsonOptions),
        };
    }

    private static List<Image> Images(YamlNode? node, string name) =>
        [.. YamlValues.List(node).Select((item, index) => MapImage(item, $"{name}[{index}]", index))];

    private static Image MapImage(YamlNode node, string name, int position)
    {
        var map = YamlValues.Map(node, name) ?? throw new FrontMatterException($"{name} must be a map with a url, got nothing", node.Line, node.Column);
        var url = YamlValues.String(map["url"], name + ".url");
        if (string.IsNullOrEmpty(url))
        {
            throw new FrontMatterException($"{name}.url is required", map.Line, map.Column);
        }

        return new Image
        {
            Position = position,
            Url = url,
            Width = YamlValues.Integer(map["width"], name + ".width", minimum: 0),
            Height = YamlValues.Integer(map["height"], name + ".height", minimum: 0),
            Title = YamlValues.String(map["title"], name + ".title"),
            IsCached = YamlValues.Boolean(map["isCached"], name + ".isCached"),
            Extra = ExtraJson(map, ImageKeys),
        };
    }

    private static List<string> TopicNames(YamlNode? node)
    {
        var names = new List<string>();
        foreach (var item in YamlValues.List(node))
        {
            var name = YamlValues.IndexedString(item, "topics[]");
            if (!string.IsNullOrWhiteSpace(name))
            {
                names.Add(name.Trim());
            }
        }

        return names;
    }

    private static System.Text.Json.Nodes.JsonObject? Extra(YamlMap? map, HashSet<string> known)
    {
        if (map is null)
        {
            return null;
        }

        var unknown = map.Entries.Where(entry => !known.Contains(entry.Key)).ToList();
        return unknown.Count == 0 ? null : YamlValues.ToJsonObject(unknown);
    }

    private static string? ExtraJson(YamlMap? map, HashSet<string> known) => Extra(map, known)?.ToJsonString(JsonOptions);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
