using ArticleApi.Articles;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// List items kept as the JSON a page writes them (<see cref="RenderedItems"/>): a page read again copies its items
/// and reads no row, answers byte for byte as with none kept, and an import moves the items on.
/// </summary>
public sealed class RenderedItemsTests
{
    private const string Page = "/articles?limit=5&includeTotal=true&facets=topic";
    private const string Backlinks = "/articles/news-2025-10-16-webassembly-on-the-server-moves-past-the-hype/backlinks";

    [Theory]
    [InlineData(Page)]
    [InlineData("/topics/machine-learning/articles?sort=-quality&limit=3")]
    [InlineData(Backlinks)]
    public async Task AListReadAgainCopiesItsItemsAndReadsNoRowWithTheSameBytes(string url)
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        var counter = new StatementCounter();
        using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(counter.Join));
        using var client = host.CreateClient();
        using var noneKept = factory.WithWebHostBuilder(builder => builder.UseSetting("Lists:RenderedItemsMiB", "0"));
        using var plainClient = noneKept.CreateClient();

        var (first, firstReads) = await ReadAsync(client, counter, url);
        var (second, secondReads) = await ReadAsync(client, counter, url);
        var plain = await plainClient.GetByteArrayAsync(url);

        Assert.Equal((1, 0), (firstReads, secondReads));
        Assert.Equal(first, second);
        Assert.Equal(plain, first);
        Assert.Contains("\"items\":[{\"id\":", System.Text.Encoding.UTF8.GetString(first), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestGivesItsKeptItemsBackOnceItsResponseIsWritten()
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        using var host = factory.WithWebHostBuilder(builder => builder.UseSetting("ResponseCache:Enabled", "false"));
        using var client = host.CreateClient();
        await client.GetByteArrayAsync(Page);
        var store = await host.Services.GetRequiredService<RenderedItems>().CurrentStoreAsync(CancellationToken.None);
        var keptFirst = store.Bytes;

        var body = await client.GetStringAsync(Page); // its five items found kept, under a lease
        // The lease goes back with the response's completion, which the test server may finish after the body arrives.
        for (var wait = 0; store.Leases > 0 && wait < 500; wait++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, store.Leases);
        Assert.True(keptFirst > 0);
        Assert.Contains("\"items\":[{\"id\":", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnImportMovesTheKeptItemsOn()
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        using var client = factory.CreateClient();
        const string Url = "/articles?sort=publishedDateTime&limit=100";
        var before = await client.GetStringAsync(Url);

        var file = Path.Combine(factory.SourceDirectory, "news", "2026-05-20-serverless-containers-finally-get-fast-cold-starts.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace(
            "title: \"Serverless containers finally get fast cold starts\"", "title: \"Serverless containers start in a blink\"", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(1, (await factory.ImportAsync()).Counts.Updated);
        var after = await client.GetStringAsync(Url);

        Assert.Contains("\"title\":\"Serverless containers finally get fast cold starts\"", before, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Serverless containers start in a blink\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("finally get fast cold starts\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStoreKeepsItsBudgetAndTheItemsAskedForAgain()
    {
        // Generations of 500 bytes, one slab each: four items of 104 bytes ("id-N" and 100 bytes of JSON) fill one.
        var store = new RenderedItemStore(budget: 1000);
        Keep(store, 1, 2, 3, 4);
        Assert.Equal(500, store.Bytes);
        Keep(store, 5); // the newer generation is full: 1-4 become the older one
        Assert.Equal([7L], Find(store, 1, 7)); // 1 is copied to the newer generation
        Keep(store, 6, 7);
        Assert.Equal(1000, store.Bytes);
        Keep(store, 8); // 2-4 dropped; 5, 1, 6, 7 older

        Assert.Equal([2L, 3L, 4L], Find(store, 1, 2, 3, 4, 5, 6, 8));
        // 7, copied from the older generation to the full newer one, starts the next: 8, 1, 5, 6 become the older one, then 1 moves.
        Assert.Empty(Find(store, 7, 1));
        Assert.Equal([2L], Find(store, 8, 2, 5, 6, 1, 7)); // 6 fills the newer generation again: 7, 1, 8, 5 older, then 1 and 7 move
        Assert.Equal(1000, store.Bytes);
    }

    [Fact]
    public void AnItemLargerThanAGenerationIsNotKept()
    {
        var store = new RenderedItemStore(budget: 1000);
        store.Keep([(1, new RenderedItem("id-1"u8.ToArray(), new byte[600]))]);
        Keep(store, 2);

        Assert.Equal([1L], Find(store, 1, 2));
        Assert.Equal(500, store.Bytes);
    }

    [Fact]
    public void AnItemFoundStaysAsItIsUntilItsLeaseIsGivenBack()
    {
        var store = new RenderedItemStore(budget: 1000);
        Keep(store, 1, 2, 3, 4);
        var found = new RenderedItem?[3];
        Assert.Equal([7L], store.Find([2L, 7L, 4L], found, out var lease));
        Assert.Equal(1, store.Leases);

        // 5-8 start the next generation; 9-12 the one after, on a new slab: 1-4's is still read.
        Keep(store, 5, 6, 7, 8, 9, 10, 11, 12, 13);

        Assert.Equal([1L, 2L, 3L, 4L], Find(store, 1, 2, 3, 4, 9));
        Assert.Equal("id-2", System.Text.Encoding.UTF8.GetString(found[0]!.Value.Id.Span));
        Assert.Equal(Json(2), found[0]!.Value.Json.ToArray());
        Assert.Null(found[1]);
        Assert.Equal("id-4", System.Text.Encoding.UTF8.GetString(found[2]!.Value.Id.Span));
        Assert.Equal(Json(4), found[2]!.Value.Json.ToArray());
        lease.Dispose();
        Assert.Equal(0, store.Leases);
    }

    [Fact]
    public void AGenerationStillLeasedIsLeftToTheCollectorAndOneGivenBackIsWrittenOver()
    {
        // Generations of one slab of 1 MiB, about 9,800 items of 104 to 108 bytes each.
        var store = new RenderedItemStore(budget: 2 * RenderedItemStore.MaxSlabBytes);
        var items = Enumerable.Range(0, 60_000).Select(key => ((long)key, new RenderedItem(System.Text.Encoding.UTF8.GetBytes($"id-{key}"), Json(key)))).ToArray();
        var (first, second, third) = (items[..25_000], items[25_000..45_000], items[45_000..]);
        store.Keep(first); // both generations made, their dictionaries grown
        var found = new RenderedItem?[1];
        Assert.Empty(store.Find([24_000L], found, out var lease));

        Assert.Equal(2, store.SlabsMade);
        store.Keep(second); // two more generations: the leased one is not written over, the other one is
        Assert.Equal(3, store.SlabsMade);
        lease.Dispose();
        store.Keep(third); // two more, on the slabs of the two before

        Assert.Equal(3, store.SlabsMade);
        Assert.Equal(Json(24_000), found[0]!.Value.Json.ToArray());
        Assert.Equal(2 * RenderedItemStore.MaxSlabBytes, store.Bytes);
    }

    [Fact]
    public void AnItemMovedFromTheOlderGenerationIntoItsOwnSlabComesBackWhole()
    {
        var store = new RenderedItemStore(budget: 1000);
        Keep(store, 1, 2, 3, 4);
        Keep(store, 5, 6, 7, 8); // 1-4 older, 5-8 fill the newer generation

        // 3 moves: the newer generation is full, so the older one (where 3 was) is emptied to take it, 3 first.
        Assert.Empty(Find(store, 3));
        Assert.Equal([1L, 2L, 4L], Find(store, 1, 2, 3, 4, 5, 8));
        Assert.Equal(1000, store.Bytes);
    }

    [Fact]
    public void ASlabForAnItemLargerThanASlabStaysWithinTheBudget()
    {
        // Generations of 2 MiB in slabs of 1 MiB; items of one slab each, and one of a slab and a half.
        const int Slab = RenderedItemStore.MaxSlabBytes;
        var store = new RenderedItemStore(budget: 4 * Slab);
        void KeepSized(long key, int bytes) => store.Keep([(key, new RenderedItem(System.Text.Encoding.UTF8.GetBytes($"id-{key}"), new byte[bytes - $"id-{key}".Length]))]);
        foreach (var key in new[] { 1, 2, 3, 4, 5 })
        {
            KeepSized(key, Slab);
        }

        Assert.Equal(4 * Slab, store.Bytes); // 3-4 older, 5 in 1-2's first slab, their second one spare
        KeepSized(10, 3 * Slab / 2); // 5 older; 3-4's slabs dropped for one of 1.5 MiB
        Assert.Equal(7 * Slab / 2, store.Bytes);
        KeepSized(6, Slab);
        KeepSized(7, Slab); // 10 older; 6-7 in 5's two slabs
        Assert.Equal(7 * Slab / 2, store.Bytes);
        KeepSized(8, Slab); // 6-7 older; 10's slab dropped
        Assert.Equal(3 * Slab, store.Bytes);

        var found = new RenderedItem?[5];
        Assert.Equal([5L, 10L], store.Find([5L, 6L, 7L, 8L, 10L], found, out _));
        Assert.Equal([0, Slab - 4, Slab - 4, Slab - 4, 0], found.Select(item => item?.Json.Length ?? 0));
    }

    [Fact]
    public void ItemsRenderedEarlierKeepTheirBytesWhenTheThreadRendersAgain()
    {
        var options = new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };
        ArticleListItem Item(string id, string title) => new(
            id, "news/a.md", title, null, null, "https://example.com/a", "article", null, 1, 2, true, null, [], null, null);
        var first = RenderedItems.Render([(1, Item("a-1", "First")), (2, Item("a-2", "Second"))], options);
        var expected = first.Select(row => (System.Text.Encoding.UTF8.GetString(row.Item.Id.Span), System.Text.Encoding.UTF8.GetString(row.Item.Json.Span))).ToList();

        RenderedItems.Render([(3, Item("b-3", new string('x', 200_000)))], options);

        Assert.Equal(
            [("a-1", """{"id":"a-1","sourcePath":"news/a.md","title":"First","excerpt":null,"publishedDateTime":null,"webUrl":"https://example.com/a","type":"article","category":null,"quality":1,"heat":2,"published":true,"provider":null,"topics":[],"image":null}"""),
             ("a-2", """{"id":"a-2","sourcePath":"news/a.md","title":"Second","excerpt":null,"publishedDateTime":null,"webUrl":"https://example.com/a","type":"article","category":null,"quality":1,"heat":2,"published":true,"provider":null,"topics":[],"image":null}""")],
            expected);
        Assert.Equal(expected, first.Select(row => (System.Text.Encoding.UTF8.GetString(row.Item.Id.Span), System.Text.Encoding.UTF8.GetString(row.Item.Json.Span))).ToList());
        Assert.Equal([1L, 2L], first.Select(row => row.Key));
    }

    private static void Keep(RenderedItemStore store, params int[] keys) =>
        store.Keep(keys.Select(key => ((long)key, new RenderedItem(System.Text.Encoding.UTF8.GetBytes($"id-{key}"), Json(key)))));

    // 100 bytes that tell the items apart.
    private static byte[] Json(int key) => [.. Enumerable.Repeat((byte)key, 100)];

    private static List<long> Find(RenderedItemStore store, params long[] keys)
    {
        var found = new RenderedItem?[keys.Length];
        var missing = store.Find(keys, found, out var lease);
        using var given = lease;
        foreach (var (key, item) in keys.Zip(found).Where(pair => !missing.Contains(pair.First)))
        {
            Assert.Equal($"id-{key}", System.Text.Encoding.UTF8.GetString(item!.Value.Id.Span));
            Assert.Equal(Json((int)key), item.Value.Json.ToArray());
        }

        Assert.All(keys.Zip(found).Where(pair => missing.Contains(pair.First)), pair => Assert.Null(pair.Second));
        return missing;
    }

    // The body and how many statements read list rows (the rows of given keys, with their list copies).
    private static async Task<(byte[] Body, int RowReads)> ReadAsync(HttpClient client, StatementCounter counter, string url)
    {
        counter.Clear();
        using var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (body, counter.Statements.Count(s => s.Contains("\"ListTopics\"", StringComparison.Ordinal) && s.Contains("WHERE", StringComparison.OrdinalIgnoreCase)));
    }
}
