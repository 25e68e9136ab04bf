using System.Net;
using System.Text.Json;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Changes;

public sealed class ChangeFeedTests
{
    private const string Kubernetes = "news-2025-01-14-kubernetes-autoscaling-gets-smarter-with-predictive-node-pools";
    private const string Quantum = "news-2026-04-08-cloud-providers-now-rent-time-on-error-corrected-qubits";
    private const string Wasm = "news-2025-10-16-webassembly-on-the-server-moves-past-the-hype";

    [Fact]
    public async Task AMirrorSeesEveryArticleAddedThenOnlyWhatChangedWithDeletions()
    {
        using var factory = new TimedFactory();
        await factory.ImportAsync();
        var client = factory.CreateClient();

        var first = await ReadAllAsync(client, "/changes?limit=7");
        var ids = SampleRows.Articles(factory).Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ids, first.Changes.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(first.Changes, c => Assert.Equal("added", c.Kind));

        var news = Path.Combine(factory.SourceDirectory, "news");
        File.AppendAllText(Path.Combine(news, "2025-01-14-kubernetes-autoscaling-gets-smarter-with-predictive-node-pools.md"), "\nOne more line.\n");
        File.Delete(Path.Combine(news, "2026-04-08-cloud-providers-now-rent-time-on-error-corrected-qubits.md"));
        File.Move(Path.Combine(news, "2025-10-16-webassembly-on-the-server-moves-past-the-hype.md"), Path.Combine(news, "wasm.md"));
        File.WriteAllText(Path.Combine(news, "fresh.md"), "---\ntitle: Fresh\n---\n");
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        await factory.ImportAsync();

        var second = await ReadAllAsync(client, first.Next);
        Assert.Equal(
            new[] { (Kubernetes, "updated"), ("news-fresh", "added"), ("news-wasm", "added"), (Quantum, "deleted"), (Wasm, "deleted") }.Order(),
            second.Changes.Select(c => (c.Id, c.Kind)).Order());
        Assert.All(second.Changes, c => Assert.Equal(factory.Time.GetUtcNow(), c.ChangedAt));
        Assert.True(second.Changes.Select(c => c.DataVersion).Min() > first.Changes.Select(c => c.DataVersion).Max());
        Assert.Empty((await ReadAllAsync(client, second.Next)).Changes);
    }

    [Fact]
    public async Task LatestGivesThePositionWithoutChangesAndAPageSaysWhetherMoreWait()
    {
        using var factory = new TimedFactory();
        await factory.ImportAsync();
        var client = factory.CreateClient();

        var latest = await client.GetJsonAsync("/changes?since=latest");
        var page = await client.GetJsonAsync("/changes?limit=2");

        Assert.Equal(0, latest.GetProperty("items").GetArrayLength());
        Assert.False(latest.GetProperty("more").GetBoolean());
        Assert.Equal("/changes?since=" + latest.GetProperty("token").GetString(), latest.GetProperty("next").GetString());
        Assert.Equal(0, (await client.GetJsonAsync(latest.GetProperty("next").GetString()!)).GetProperty("items").GetArrayLength());
        Assert.Equal(["items", "token", "next", "more"], page.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("more").GetBoolean());
        Assert.Equal("/changes?since=" + page.GetProperty("token").GetString() + "&limit=2", page.GetProperty("next").GetString());
    }

    [Fact]
    public async Task ATokenOlderThanTheRetentionIsGoneAndSaysHowToResync()
    {
        using var factory = new TimedFactory();
        await factory.ImportAsync();
        var client = factory.CreateClient();
        var old = (await ReadAllAsync(client, "/changes?since=latest")).Next;
        await client.GetJsonAsync("/changes");

        File.WriteAllText(Path.Combine(factory.SourceDirectory, "a.md"), "---\ntitle: A\n---\n");
        factory.Time.Advance(TimeSpan.FromDays(1));
        await factory.ImportAsync();
        var kept = (await ReadAllAsync(client, old)).Next;
        File.WriteAllText(Path.Combine(factory.SourceDirectory, "b.md"), "---\ntitle: B\n---\n");
        factory.Time.Advance(TimeSpan.FromDays(31));
        await factory.ImportAsync();

        await client.AssertProblemAsync(old, HttpStatusCode.Gone, "Changes no longer kept",
            "Changes after this token were forgotten (the log keeps 30 days). Take /changes?since=latest, read the collection again, then follow the token you were given.");
        Assert.Equal([("b", "added")], (await ReadAllAsync(client, kept)).Changes.Select(c => (c.Id, c.Kind)));
        Assert.Equal([("b", "added")], (await ReadAllAsync(client, "/changes")).Changes.Select(c => (c.Id, c.Kind)));
    }

    [Theory]
    [InlineData("since=nope", "since", "is not a cursor this API gave out: use the 'next' link of a previous page.")]
    [InlineData("limit=1001", "limit", "1001 is out of range: use 1 to 1000.")]
    public async Task BadParametersAreValidationProblems(string query, string parameter, string message)
    {
        using var factory = new TimedFactory();
        await factory.CreateClient().AssertProblemAsync($"/changes?{query}", HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            errors: new Dictionary<string, string[]> { [parameter] = [message] });
    }

    private static async Task<(List<Change> Changes, string Next)> ReadAllAsync(HttpClient client, string url)
    {
        var changes = new List<Change>();
        while (true)
        {
            var page = await client.GetJsonAsync(url);
            changes.AddRange(page.GetProperty("items").EnumerateArray().Select(i => new Change(
                i.GetProperty("id").GetString()!, i.GetProperty("kind").GetString()!, i.GetProperty("dataVersion").GetInt64(),
                i.GetProperty("changedAt").GetDateTimeOffset())));
            url = page.GetProperty("next").GetString()!;
            if (!page.GetProperty("more").GetBoolean())
            {
                return (changes, url);
            }
        }
    }

    private sealed record Change(string Id, string Kind, long DataVersion, DateTimeOffset ChangedAt);

    private sealed class TimedFactory : ArticleApiFactory
    {
        public ManualTime Time { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        }
    }

    internal sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
