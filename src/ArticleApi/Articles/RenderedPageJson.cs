using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ArticleApi.Http;

namespace ArticleApi.Articles;

/// <summary>
/// Writes a page (or backlinks' item list) whose items are kept as JSON (<see cref="RenderedItemList"/>): the items'
/// bytes copied, the rest as <see cref="ArticleJsonContext"/> writes it, so that the response is byte for byte the one
/// the generated serializer writes for the same page (a test compares them). Lists of items read as objects go through
/// the generated serializer itself: a converter registered on the context would have turned its fast path off.
/// </summary>
internal static class RenderedPageJson
{
    public static readonly JsonTypeInfo<ArticlePage> Page =
        JsonMetadataServices.CreateValueInfo<ArticlePage>(ArticleJsonContext.Default.Options, new PageConverter());

    public static readonly JsonTypeInfo<ItemList<ArticleListItem>> Items =
        JsonMetadataServices.CreateValueInfo<ItemList<ArticleListItem>>(ArticleJsonContext.Default.Options, new ItemListConverter());

    /// <summary>The type information to write <paramref name="page"/> with: this one when its items are kept as JSON.</summary>
    public static JsonTypeInfo<ArticlePage> For(ArticlePage page) => page.Items is RenderedItemList ? Page : ArticleJsonContext.Default.ArticlePage;

    /// <summary>The type information to write <paramref name="list"/> with: this one when its items are kept as JSON.</summary>
    public static JsonTypeInfo<ItemList<ArticleListItem>> For(ItemList<ArticleListItem> list) =>
        list.Items is RenderedItemList ? Items : ArticleJsonContext.Default.ItemListArticleListItem;

    private static void WriteItems(Utf8JsonWriter writer, IReadOnlyList<ArticleListItem> items)
    {
        writer.WritePropertyName("items"u8);
        writer.WriteStartArray();
        if (items is RenderedItemList rendered)
        {
            // Written by the context's own type information with the response's encoder (RenderedItems): no check needed.
            foreach (var json in rendered.Json)
            {
                writer.WriteRawValue(json.Span, skipInputValidation: true);
            }
        }
        else
        {
            foreach (var item in items)
            {
                JsonSerializer.Serialize(writer, item, ArticleJsonContext.Default.ArticleListItem);
            }
        }

        writer.WriteEndArray();
    }

    // ArticlePage's properties in their order: items, next (null too), then total and facets when there.
    private sealed class PageConverter : JsonConverter<ArticlePage>
    {
        public override ArticlePage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Pages are written, not read.");

        public override void Write(Utf8JsonWriter writer, ArticlePage value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            WriteItems(writer, value.Items);
            writer.WriteString("next"u8, value.Next);
            if (value.Total is { } total)
            {
                writer.WriteNumber("total"u8, total);
            }

            if (value.Facets is { } facets)
            {
                writer.WritePropertyName("facets"u8);
                JsonSerializer.Serialize(writer, facets, ArticleJsonContext.Default.IReadOnlyDictionaryStringIReadOnlyListFacetValue);
            }

            writer.WriteEndObject();
        }
    }

    private sealed class ItemListConverter : JsonConverter<ItemList<ArticleListItem>>
    {
        public override ItemList<ArticleListItem> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Lists are written, not read.");

        public override void Write(Utf8JsonWriter writer, ItemList<ArticleListItem> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            WriteItems(writer, value.Items);
            writer.WriteEndObject();
        }
    }
}
