using System.Globalization;
using System.Text.Json.Nodes;
using ArticleApi.Articles;
using ArticleApi.Model;

namespace ArticleApi.Tests.Corpus;

/// <summary>Rebuilds an article's front matter, key by key, from what the database holds.</summary>
internal static class StoredFrontMatter
{
    public static JsonObject From(Article article, IReadOnlyDictionary<int, string> topicNames)
    {
        var json = new JsonObject();
        Put(json, "title", article.Title);
        Put(json, "excerpt", article.Excerpt);
        Put(json, "publishedDateTime", Instant(article.PublishedDateTime));
        Put(json, "originalUrl", article.OriginalUrl);
        Put(json, "webUrl", article.WebUrl);
        Put(json, "ampWebUrl", article.AmpWebUrl);
        Put(json, "cdnAmpWebUrl", article.CdnAmpWebUrl);
        Put(json, "type", article.Type);
        Put(json, "category", article.Category);
        Put(json, "quality", article.Quality);
        Put(json, "heat", article.Heat);
        Put(json, "published", article.Published);
        Put(json, "secured", article.Secured);
        if (article.ProviderName is not null || article.ProviderDomain is not null || article.ProviderExtra is not null || article.ProviderImages.Count > 0)
        {
            var provider = new JsonObject();
            Put(provider, "name", article.ProviderName);
            Put(provider, "domain", article.ProviderDomain);
            if (article.ProviderImages.Count > 0)
            {
                provider["images"] = Images(article.ProviderImages);
            }

            Merge(provider, article.ProviderExtra);
            json["provider"] = provider;
        }

        if (article.Topics.Count > 0)
        {
            json["topics"] = new JsonArray([.. article.Topics.OrderBy(t => t.Position).Select(t => JsonValue.Create(t.NameAsWritten ?? topicNames[t.TopicId]))]);
        }

        if (article.Images.Count > 0)
        {
            json["images"] = Images(article.Images);
        }

        if (article.Related.Count > 0)
        {
            json["related"] = new JsonArray([.. article.Related.OrderBy(r => r.Position).Select(Related)]);
        }

        Merge(json, article.Extra);
        return json;
    }

    private static JsonObject Related(RelatedLink link)
    {
        var json = new JsonObject();
        Put(json, "title", link.Title);
        Put(json, "excerpt", link.Excerpt);
        Put(json, "publishedDateTime", Instant(link.PublishedDateTime));
        Put(json, "webUrl", link.WebUrl);
        Put(json, "ampWebUrl", link.AmpWebUrl);
        Put(json, "cdnAmpWebUrl", link.CdnAmpWebUrl);
        Put(json, "type", link.Type);
        Put(json, "quality", link.Quality);
        var extra = link.Extra is null ? null : JsonNode.Parse(link.Extra)!.AsObject();
        if (link.ProviderName is not null || link.ProviderDomain is not null || extra?["provider"] is not null)
        {
            var provider = new JsonObject();
            Put(provider, "name", link.ProviderName);
            Put(provider, "domain", link.ProviderDomain);
            if (extra?["provider"] is JsonObject providerExtra)
            {
                extra.Remove("provider");
                Merge(provider, providerExtra.ToJsonString());
            }

            json["provider"] = provider;
        }

        if (link.Images.Count > 0)
        {
            json["images"] = Images(link.Images);
        }

        Merge(json, extra?.ToJsonString());
        return json;
    }

    private static JsonArray Images(IEnumerable<Image> images) => new([.. images.OrderBy(i => i.Position).Select(image =>
    {
        var json = new JsonObject();
        Put(json, "url", image.Url);
        Put(json, "width", image.Width);
        Put(json, "height", image.Height);
        Put(json, "isCached", image.IsCached);
        Put(json, "title", image.Title);
        Merge(json, image.Extra);
        return (JsonNode)json;
    })]);

    private static string? Instant(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Put<T>(JsonObject json, string key, T? value)
    {
        if (value is not null)
        {
            json[key] = JsonValue.Create(value);
        }
    }

    private static void Merge(JsonObject json, string? extra)
    {
        if (extra is null)
        {
            return;
        }

        foreach (var (key, value) in JsonNode.Parse(extra)!.AsObject())
        {
            json[key] = value?.DeepClone();
        }
    }
}
