using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ArticleApi.Http;

namespace ArticleApi.Feeds;

/// <summary>
/// Atom 1.0 and RSS 2.0 pages through <c>System.ServiceModel.Syndication</c>: one <see cref="SyndicationFeed"/> built
/// once, written by the format's formatter. Entries carry the title, the link, the excerpt as summary, published and
/// updated times, topics as categories, the provider as author and the first image as an enclosure and a
/// <c>media:content</c> element (Media RSS, which feed readers show as the entry's picture).
/// </summary>
internal static class SyndicationWriter
{
    public const string Generator = "ArticleApi";

    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";

    /// <summary>
    /// The feed as bytes. The formatters write synchronously, and a page is at most a hundred entries, so it is
    /// written to memory and then sent asynchronously (the server forbids synchronous writes to the response).
    /// </summary>
    public static byte[] Write(FeedPage page, ResponseFormat format, string topicsUrl)
    {
        var feed = Build(page, format, topicsUrl);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            SyndicationFeedFormatter formatter = format == ResponseFormat.Rss ? new Rss20FeedFormatter(feed) : new Atom10FeedFormatter(feed);
            formatter.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    private static SyndicationFeed Build(FeedPage page, ResponseFormat format, string topicsUrl)
    {
        var feed = new SyndicationFeed(page.Title, "Articles imported by ArticleApi, in the order the request asked for.", null)
        {
            Id = page.Id,
            LastUpdatedTime = page.Updated,
            Generator = Generator,
            Items = [.. page.Entries.Select(entry => Item(entry, topicsUrl, format))],
        };
        feed.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(page.List), ResponseFormat.Json.MediaType));
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(page.Self), format.MediaType));
        if (page.Next is { } next)
        {
            // RFC 5005 paging: the next page of the same feed.
            feed.Links.Add(new SyndicationLink(new Uri(next), "next", null, format.MediaType, 0));
        }

        // Atom wants an author for every entry: the feed's stands in for articles without a provider.
        feed.Authors.Add(new SyndicationPerson { Name = Generator });
        return feed;
    }

    private static SyndicationItem Item(FeedEntry entry, string topicsUrl, ResponseFormat format)
    {
        var article = entry.Item;
        var item = new SyndicationItem
        {
            Id = entry.ApiUrl,
            Title = new TextSyndicationContent(article.Title),
            LastUpdatedTime = entry.Updated,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(entry.Link)));
        if (article.Excerpt is { } excerpt)
        {
            item.Summary = new TextSyndicationContent(excerpt);
        }

        if (article.PublishedDateTime is { } published)
        {
            item.PublishDate = published;
        }

        foreach (var topic in article.Topics)
        {
            item.Categories.Add(new SyndicationCategory(topic.Slug, topicsUrl, topic.Name));
        }

        if (article.Provider is { } provider && (provider.Name ?? provider.Domain) is { } name)
        {
            item.Authors.Add(new SyndicationPerson { Name = name, Uri = provider.Domain is null ? null : "https://" + provider.Domain });
        }

        if (article.Image is { } image && FeedPageReader.IsWebLink(image.Url))
        {
            if (format == ResponseFormat.Rss)
            {
                // RSS requires the enclosure's length, which the formatter leaves out when it is unknown (0); 0 is the usual "unknown".
                item.ElementExtensions.Add(new XElement("enclosure", new XAttribute("url", image.Url), new XAttribute("length", 0),
                    new XAttribute("type", ImageType(image.Url))).CreateReader());
            }
            else
            {
                item.Links.Add(SyndicationLink.CreateMediaEnclosureLink(new Uri(image.Url), ImageType(image.Url), 0));
            }

            var content = new XElement(Media + "content", new XAttribute(XNamespace.Xmlns + "media", Media.NamespaceName),
                new XAttribute("url", image.Url), new XAttribute("medium", "image"),
                image.Width is { } width ? new XAttribute("width", width) : null, image.Height is { } height ? new XAttribute("height", height) : null);
            item.ElementExtensions.Add(content.CreateReader());
        }

        return item;
    }

    /// <summary>The image's media type from its path's extension; an enclosure must name one.</summary>
    internal static string ImageType(string url) => Path.GetExtension(new Uri(url).AbsolutePath).ToUpperInvariant() switch
    {
        ".JPG" or ".JPEG" => "image/jpeg",
        ".PNG" => "image/png",
        ".GIF" => "image/gif",
        ".WEBP" => "image/webp",
        ".SVG" => "image/svg+xml",
        ".AVIF" => "image/avif",
        _ => "application/octet-stream",
    };
}
