using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using ArticleApi.Data;
using ArticleApi.Telemetry;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ArticleApi.Articles;

/// <summary>
/// List items as the JSON a page writes them, per data version, up to <see cref="ListOptions.RenderedItemsMiB"/>: an
/// article shown on many pages (the best, the hottest, the newest of each topic and of many filters) is read from
/// the database and serialized once, then copied. Reading a page's 20 rows and serializing them was half of the CPU
/// of a list request that found its page in the columns (BENCHMARKS.md). The bytes are those the page's own
/// serializer writes (same type information, same encoder), so a page reads the same with or without them. Searches
/// keep their own path: a snippet belongs to the request.
/// </summary>
internal sealed class RenderedItems : IDisposable
{
    private static readonly KeyValuePair<string, object?> Hit = new("outcome", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("outcome", "miss");

    private const int MaxScratchBytes = 1 << 20;

    // Render's buffer, kept by each thread between calls (Render does not await).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_scratch;

    private readonly PerVersion<RenderedItemStore> _stores;
    private readonly long _budget;
    private readonly JsonWriterOptions _writerOptions;
    private readonly Counter<long> _items;
    private readonly IHttpContextAccessor _requests;

    public RenderedItems(DataVersion dataVersion, IOptions<ListOptions> options, IOptions<HttpJsonOptions> json, IMeterFactory meterFactory, IHttpContextAccessor requests)
    {
        _requests = requests;
        _stores = new PerVersion<RenderedItemStore>(dataVersion);
        _budget = (long)options.Value.RenderedItemsMiB << 20;
        // The encoder GeneratedJson writes pages with: the bytes copied must be the bytes it would write.
        _writerOptions = new JsonWriterOptions { Encoder = json.Value.SerializerOptions.Encoder, SkipValidation = true };
        _items = meterFactory.Create(ArticleApiMeter.Name).CreateCounter<long>("articleapi.rendered_items", "{item}",
            "List items a page wrote, by outcome: hit (copied from the items rendered earlier in this data version), miss (read and rendered).");
    }

    /// <summary>
    /// The items of <paramref name="keys"/>, in that order, as their JSON: the kept ones as kept, the others read by
    /// <paramref name="load"/> (which leaves out keys without a row, as <see cref="ArticleListReader.LoadItemsAsync"/>
    /// does), rendered and kept. Every item read by <paramref name="load"/> when the store is off.
    /// </summary>
    public async Task<IReadOnlyList<ArticleListItem>> GetAsync(
        IReadOnlyList<long> keys, Func<IReadOnlyList<long>, Task<List<(long Key, ArticleListItem Item)>>> load, CancellationToken cancellationToken)
    {
        if (_budget == 0 || keys.Count == 0)
        {
            return [.. (await load(keys)).Select(row => row.Item)];
        }

        // The store of the version current before any row is read: rows read later are as new or newer than it.
        var store = await CurrentStoreAsync(cancellationToken);
        var found = new RenderedItem?[keys.Count];
        var missing = store.Find(keys, found, out var lease);
        // The kept items are read in place until the response is written: its end gives them back. Outside a request
        // the lease is never given back, which only keeps their generation from being written over.
        if (missing.Count < keys.Count)
        {
            _requests.HttpContext?.Response.RegisterForDispose(lease);
        }

        _items.Add(keys.Count - missing.Count, Hit);
        if (missing.Count > 0)
        {
            _items.Add(missing.Count, Miss);
            var rendered = Render(await load(missing), _writerOptions);
            store.Keep(rendered);
            var byKey = rendered.ToDictionary(row => row.Key, row => row.Item);
            for (var i = 0; i < keys.Count; i++)
            {
                found[i] ??= byKey.TryGetValue(keys[i], out var item) ? item : null;
            }
        }

        // Keys without a row (deleted since the page's keys were found) are left out, as the rows' read leaves them out.
        return new RenderedItemList([.. found.Where(item => item is not null).Select(item => item!.Value)]);
    }

    public void Dispose() => _stores.Dispose();

    /// <summary>The store of the current data version.</summary>
    internal Task<RenderedItemStore> CurrentStoreAsync(CancellationToken cancellationToken) =>
        _stores.GetAsync(_ => Task.FromResult(new RenderedItemStore(_budget)), cancellationToken);

    /// <summary>
    /// Each item as the JSON object a page writes for it with <paramref name="writerOptions"/> (the response's encoder),
    /// all of them in one array of their size: an array per item was a tenth of the bytes a scoped page allocated, and
    /// a buffer grown by doubling as much again. The thread's scratch buffer is written, then copied once.
    /// </summary>
    internal static List<(long Key, RenderedItem Item)> Render(IReadOnlyList<(long Key, ArticleListItem Item)> items, JsonWriterOptions writerOptions)
    {
        var buffer = t_scratch ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(buffer, writerOptions);
        var lengths = new (int Id, int Json)[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var id = items[i].Item.Id;
            var idLength = Encoding.UTF8.GetBytes(id, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(id.Length)));
            buffer.Advance(idLength);
            var start = buffer.WrittenCount;
            writer.Reset();
            JsonSerializer.Serialize(writer, items[i].Item, ArticleJsonContext.Default.ArticleListItem);
            writer.Flush();
            lengths[i] = (idLength, buffer.WrittenCount - start);
        }

        ReadOnlyMemory<byte> written = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > MaxScratchBytes)
        {
            // A page of unusually large items does not leave its buffer to the thread.
            t_scratch = null;
        }

        var offset = 0;
        var rendered = new List<(long, RenderedItem)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            rendered.Add((items[i].Key, new RenderedItem(written.Slice(offset, lengths[i].Id), written.Slice(offset + lengths[i].Id, lengths[i].Json))));
            offset += lengths[i].Id + lengths[i].Json;
        }

        return rendered;
    }
}
