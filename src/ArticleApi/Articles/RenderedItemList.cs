using System.Collections;
using System.Text;
using System.Text.Json;

namespace ArticleApi.Articles;

/// <summary>
/// A page's items as the JSON kept for them (<see cref="RenderedItems"/>): written by copying their bytes
/// (<see cref="RenderedPageJson"/>). Read as objects, an item is parsed back from its JSON: nothing on the
/// paths that ask for these lists does, but a list of items should still read as one.
/// </summary>
internal sealed class RenderedItemList(RenderedItem[] items) : IReadOnlyList<ArticleListItem>
{
    public int Count => items.Length;

    public ArticleListItem this[int index] => JsonSerializer.Deserialize(items[index].Json.Span, ArticleItemReading.Default.ArticleListItem)!;

    /// <summary>The JSON of each item, in page order.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Json => items.Select(item => item.Json);

    /// <summary>The id of item <paramref name="index"/> of <paramref name="list"/>, without parsing a kept item back.</summary>
    public static string IdAt(IReadOnlyList<ArticleListItem> list, int index) =>
        list is RenderedItemList rendered ? Encoding.UTF8.GetString(rendered.ItemsArray[index].Id.Span) : list[index].Id;

    private RenderedItem[] ItemsArray => items;

    public IEnumerator<ArticleListItem> GetEnumerator()
    {
        for (var i = 0; i < items.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
