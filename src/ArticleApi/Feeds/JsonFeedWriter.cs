using System.Text.Json;

namespace ArticleApi.Feeds;

/// <summary>
/// A JSON Feed 1.1 page (https://jsonfeed.org/version/1.1), written member by member: no library covers it and its
/// member names are fixed by the spec. Each item has an id, url, title, <c>content_text</c> (the spec needs a content;
/// the excerpt, else the title), summary, image, dates, topic names as tags and the provider as author.
/// </summary>
internal static class JsonFeedWriter
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    public static void Write(Utf8JsonWriter writer, FeedPage page)
    {
        writer.WriteStartObject();
        writer.WriteString("version", Version);
        writer.WriteString("title", page.Title);
        writer.WriteString("home_page_url", page.List);
        writer.WriteString("feed_url", page.Self);
        if (page.Next is { } next)
        {
            writer.WriteString("next_url", next);
        }

        writer.WriteStartArray("authors");
        writer.WriteStartObject();
        writer.WriteString("name", SyndicationWriter.Generator);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartArray("items");
        foreach (var entry in page.Entries)
        {
            WriteItem(writer, entry);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter writer, FeedEntry entry)
    {
        var article = entry.Item;
        writer.WriteStartObject();
        writer.WriteString("id", entry.ApiUrl);
        writer.WriteString("url", entry.Link);
        writer.WriteString("title", article.Title);
        writer.WriteString("content_text", article.Excerpt ?? article.Title);
        if (article.Excerpt is { } excerpt)
        {
            writer.WriteString("summary", excerpt);
        }

        if (article.Image is { } image && FeedPageReader.IsWebLink(image.Url))
        {
            writer.WriteString("image", image.Url);
        }

        if (article.PublishedDateTime is { } published)
        {
            writer.WriteString("date_published", published);
        }

        writer.WriteString("date_modified", entry.Updated);
        if (article.Provider is { } provider && (provider.Name ?? provider.Domain) is { } name)
        {
            writer.WriteStartArray("authors");
            writer.WriteStartObject();
            writer.WriteString("name", name);
            if (provider.Domain is { } domain)
            {
                writer.WriteString("url", "https://" + domain);
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        if (article.Topics.Count > 0)
        {
            writer.WriteStartArray("tags");
            foreach (var topic in article.Topics)
            {
                writer.WriteStringValue(topic.Name);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
