using System.ComponentModel.DataAnnotations;

namespace ArticleApi.Articles;

/// <summary>The <c>Lists</c> section: how article list pages are found.</summary>
internal sealed class ListOptions
{
    public const string SectionName = "Lists";

    /// <summary>
    /// Whether a page is found in the articles' columns in memory (<see cref="ColumnPages"/>) instead of by the
    /// database's indexes; a search's page once its rows are kept (<see cref="KeptSearches"/>), never one sorted by
    /// relevance. The columns are read once per data version (about 10 s, and about 160 bytes per article and 8 per topic
    /// link with the counting index, at a million articles: BENCHMARKS.md), and every filter with every sort then
    /// costs a short walk in memory.
    /// </summary>
    public ColumnPagesMode PagesFromColumns { get; set; } = ColumnPagesMode.WhenRead;

    /// <summary>
    /// How many searches keep their matching rows in memory per data version (<see cref="SearchRowsCache"/>), one bit
    /// per article each (125 KB at a million articles): their pages then come from the columns too. 0 keeps none.
    /// </summary>
    [Range(0, 100_000, ErrorMessage = "Lists:KeptSearches must be between 0 and 100000.")]
    public int KeptSearches { get; set; } = 256;

    /// <summary>
    /// How many MiB of list items each process keeps as the JSON a page writes them, per data version
    /// (<see cref="RenderedItems"/>): an article on many pages is read and serialized once. About 800 bytes an item,
    /// so 64 MiB holds some 80,000 items. 0 keeps none.
    /// </summary>
    [Range(0, 65_536, ErrorMessage = "Lists:RenderedItemsMiB must be between 0 and 65536.")]
    public int RenderedItemsMiB { get; set; } = 64;
}

internal enum ColumnPagesMode
{
    /// <summary>Pages always come from SQL.</summary>
    Off,

    /// <summary>From the columns when the current version's are in memory; until then from SQL while they are read in the background.</summary>
    WhenRead,

    /// <summary>From the columns, waiting for them to be read after each data version moves.</summary>
    Wait,
}
