using ArticleApi.Import;
using ArticleApi.Import.Reading;

namespace ArticleApi.Tests.Import;

public sealed class PassPlanTests
{
    private static readonly DateTimeOffset Modified = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
    private static readonly string Hash = ContentDigest.Of("stored"u8).ToString();

    [Fact]
    public async Task EachStoredArticleIsUnchangedChangedVanishedKeptOrDeletedFirst()
    {
        string[] onDisk = ["a.md", "b.md", "c-d.md", "e.md", "new.md", "a ~_+.b/x.md", "a_, =.=b/x.md"];
        var files = new ScannedFiles("/src");
        foreach (var path in onDisk.Order(Comparer<string>.Create(PathOrder.Compare)))
        {
            files.Add(path, 10, Modified);
        }

        StoredArticle[] stored =
        [
            new(6, "e-old", "e.md", Hash, 10, Modified), // the file's id changed
            new(1, "a", "a.md", Hash, 10, Modified), // same id and stat: not read
            new(2, "b", "b.md", Hash, 11, Modified), // other size
            new(3, "gone", "gone.md", Hash, 10, Modified), // vanished: renamed or deleted
            new(4, "locked-x", "locked/x.md", Hash, 10, Modified), // in a folder that could not be listed: stays
            new(5, "c-d", "c_d.md", Hash, 10, Modified), // vanished, and "c-d.md" now has its id
            new(7, "a-b-x-c44e3242", "a ~_+.b/x.md", Hash, 10, Modified), // the file collides: stays as it was
        ];

        var plan = await PassPlan.BuildAsync(files, new FolderIds(files.Paths), stored.ToAsyncEnumerable(),
            path => path.StartsWith("locked/", StringComparison.Ordinal), CancellationToken.None);

        Assert.Equal((7, 1, 4), (plan.StoredCount, plan.UnchangedCount, plan.CandidateCount));
        var digest = ContentDigest.Parse(Hash);
        Assert.Equal(
            [
                ("b.md", "b", (StoredVersion?)new StoredVersion(2, true, digest)),
                ("c-d.md", "c-d", null),
                ("e.md", "e", new StoredVersion(6, false, digest)),
                ("new.md", "new", null),
            ],
            plan.Candidates().Select(c => (c.File.RelativePath, c.Id, c.Existing)));
        Assert.Equal([5L], plan.DeleteFirst);
        Assert.Equal([3L], plan.Vanished.TakeRest());
    }

    [Fact]
    public async Task IntoAnEmptyDatabaseEveryFileIsACandidateInScanOrder()
    {
        var files = new ScannedFiles("/src");
        files.Add("a/1.md", 1, Modified);
        files.Add("a/2.md", 1, Modified);
        files.Add("b.md", 1, Modified);

        var plan = await PassPlan.BuildAsync(files, new FolderIds(files.Paths), AsyncEnumerable.Empty<StoredArticle>(), _ => false, CancellationToken.None);

        Assert.Equal((0, 0, 3), (plan.StoredCount, plan.UnchangedCount, plan.CandidateCount));
        Assert.Equal(["a-1", "a-2", "b"], plan.Candidates().Select(c => c.Id));
        Assert.Equal(new SourceFile("a/2.md", "/src/a/2.md", 1, Modified), plan.Candidates().ElementAt(1).File);
    }
}
