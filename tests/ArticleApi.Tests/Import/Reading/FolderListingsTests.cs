using ArticleApi.Import.Reading;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Import.Reading;

/// <summary>Listings made ahead of the scan are the listings it would have made, failures included.</summary>
public sealed class FolderListingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EachFolderTakenHasItsOwnListingWhetherStartedAheadOrNot()
    {
        var folders = Enumerable.Range(0, 20).Select(i =>
        {
            _folder.Write($"{i:D2}/a{i}.md", "a");
            _folder.Write($"{i:D2}/b.markdown", "bb");
            _folder.Write($"{i:D2}/ignored.txt", "c");
            Directory.CreateDirectory(_folder.Combine($"{i:D2}", "sub"));
            return new DirectoryInfo(_folder.Combine($"{i:D2}"));
        }).ToList();

        using var listings = new FolderListings();
        listings.Ahead(folders);
        listings.Ahead(folders); // already under way: nothing more starts
        Assert.Equal(FolderListings.AtOnce, listings.Waiting);

        for (var i = 0; i < folders.Count; i++)
        {
            Assert.Equal(Describe(FolderEntry.List(folders[i])), Describe(listings.Take(folders[i])));
            Assert.Equal(Math.Min(FolderListings.AtOnce - 1, folders.Count - i - 1), listings.Waiting);
            listings.Ahead(folders.Skip(i + 1));
        }

        Assert.Equal(folders.Count, listings.Listed); // each folder once
    }

    [Fact]
    public void AListingThatFailsAheadFailsWhenTakenWithItsOwnException()
    {
        var missing = new DirectoryInfo(_folder.Combine("missing"));
        using var listings = new FolderListings();

        listings.Ahead([missing]);

        Assert.Throws<DirectoryNotFoundException>(() => listings.Take(missing));
        Assert.Throws<DirectoryNotFoundException>(() => listings.Take(missing)); // taken once: the second lists anew
    }

    private static string Describe(List<FolderEntry> entries) =>
        string.Join(", ", entries.Select(e => $"{e.Name}:{(e.IsFolder ? "folder" : e.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))}").Order(StringComparer.Ordinal));
}
