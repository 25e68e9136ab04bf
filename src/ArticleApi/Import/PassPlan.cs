using System.Collections;
using ArticleApi.Import.Reading;
namespace ArticleApi.Import;

/// <summary>
/// The scan compared with the stored articles, read one at a time (never all held): which files are unchanged (same
/// id, size and modification time: not even read), the stored version of each file that may have changed, the stored
/// articles whose file vanished, and those to delete before anything is written. Each stored article is looked up in
/// the scan by path, so the database's order does not matter.
/// </summary>
internal sealed class PassPlan
{
    private readonly ScannedFiles _files;
    private readonly FolderIds _ids;
    private readonly BitArray _unchanged;
    private readonly Dictionary<int, StoredVersion> _existing = [];

    private PassPlan(ScannedFiles files, FolderIds ids)
    {
        _files = files;
        _ids = ids;
        _unchanged = new BitArray(files.Count);
    }

    /// <summary>How many articles the database held.</summary>
    public int StoredCount { get; private set; }

    public int UnchangedCount { get; private set; }

    /// <summary>Files that are read this pass: neither unchanged nor colliding.</summary>
    public int CandidateCount => _files.Count - UnchangedCount - _ids.Collisions.Count;

    public VanishedArticles Vanished { get; } = new();

    /// <summary>
    /// Vanished articles whose id a file on disk now has: they go before any write, or that file could not take it.
    /// Only when two paths slug alike can this happen.
    /// </summary>
    public List<long> DeleteFirst { get; } = [];

    /// <param name="isUnderUnreadableFolder">What sits in a folder that could not be listed is not gone: it stays as it was.</param>
    public static async Task<PassPlan> BuildAsync(
        ScannedFiles files, FolderIds ids, IAsyncEnumerable<StoredArticle> stored, Func<string, bool> isUnderUnreadableFolder, CancellationToken cancellationToken)
    {
        var plan = new PassPlan(files, ids);
        await foreach (var row in stored.WithCancellation(cancellationToken))
        {
            plan.StoredCount++;
            var index = files.IndexOf(row.SourcePath);
            if (index >= 0)
            {
                plan.Compare(index, row);
            }
            else if (isUnderUnreadableFolder(row.SourcePath))
            {
                continue;
            }
            else if (ids.IsIdOfAny(row.Id))
            {
                plan.DeleteFirst.Add(row.Key);
            }
            else
            {
                plan.Vanished.Add(row.Key, ContentDigest.Parse(row.ContentHash));
            }
        }

        return plan;
    }

    /// <summary>The files to read, in scan order, each made when reached (a cold import does not hold them all).</summary>
    public IEnumerable<Candidate> Candidates()
    {
        for (var index = 0; index < _files.Count; index++)
        {
            if (!_unchanged[index] && _ids.IdOf(index) is { } id)
            {
                yield return new Candidate(_files.FileAt(index), id, _existing.TryGetValue(index, out var existing) ? existing : null);
            }
        }
    }

    private void Compare(int index, StoredArticle row)
    {
        if (_ids.IdOf(index) is not { } id)
        {
            // The file collides and fails; its stored article, if any, stays as it was.
            return;
        }

        if (row.Id == id && _files.HasStat(index, row.FileLength, row.FileModifiedAt))
        {
            _unchanged[index] = true;
            UnchangedCount++;
        }
        else
        {
            _existing[index] = new StoredVersion(row.Key, row.Id == id, ContentDigest.Parse(row.ContentHash));
        }
    }
}
