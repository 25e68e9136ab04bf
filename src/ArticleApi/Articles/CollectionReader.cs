using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles;

/// <summary>
/// Resolves collections at read time, like related links: an entry names an imported item as soon as its file is
/// imported, whatever the import order. Members of one collection: one statement for the candidates' paths; the
/// collections of one item: one statement over the collections (indexed by type) and one for their candidates.
/// </summary>
internal sealed class CollectionReader(ArticleDbContext context, ArticleListReader listReader)
{
    /// <summary>The entries of collection <paramref name="id"/>, or null when no collection has that id.</summary>
    public async Task<List<CollectionEntry>?> EntriesAsync(string id, CancellationToken cancellationToken)
    {
        var collection = await context.Articles.Where(a => a.Id == id && a.Type == CollectionMembers.CollectionType)
            .Select(a => new { a.SourcePath, a.Extra }).FirstOrDefaultAsync(cancellationToken);
        if (collection is null)
        {
            return null;
        }

        var entries = CollectionMembers.Entries(collection.Extra).Select(entry => (Entry: entry, Candidates: CollectionMembers.Candidates(collection.SourcePath, entry))).ToList();
        var existing = await ExistingAsync(entries.SelectMany(e => e.Candidates), cancellationToken);
        var paths = existing.Keys.ToHashSet(StringComparer.Ordinal);
        var targets = entries.ConvertAll(e => CollectionMembers.Resolve(e.Candidates, paths) is { } path ? existing[path] : ((long Key, string Id)?)null);
        var keys = targets.Where(t => t is not null).Select(t => t!.Value.Key).Distinct().ToList();
        var items = (await listReader.LoadItemsAsync(keys, null, cancellationToken)).ToDictionary(item => item.Id, StringComparer.Ordinal);
        return [.. entries.Select((entry, index) => targets[index] is { } target
            ? new CollectionEntry(entry.Entry, target.Id, items.GetValueOrDefault(target.Id))
            : new CollectionEntry(entry.Entry, null, null))];
    }

    /// <summary>The collections that list article <paramref name="id"/>, by id; null when no article has that id.</summary>
    public async Task<List<ArticleListItem>?> CollectionsOfAsync(string id, CancellationToken cancellationToken)
    {
        var member = await context.Articles.Where(a => a.Id == id).Select(a => new { a.SourcePath }).FirstOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return null;
        }

        var collections = await context.Articles.Where(a => a.Type == CollectionMembers.CollectionType)
            .OrderBy(a => a.Id).Select(a => new { a.Key, a.SourcePath, a.Extra }).ToListAsync(cancellationToken);
        // Only the folders nearer than the member's own path can take an entry from it: ask for those paths at once.
        var naming = collections.Select(c => (c.Key, Candidates: CollectionMembers.Entries(c.Extra)
                .Select(entry => CollectionMembers.Candidates(c.SourcePath, entry))
                .Where(candidates => candidates.Contains(member.SourcePath, StringComparer.Ordinal))
                .Select(candidates => candidates.TakeWhile(path => path != member.SourcePath).ToList()).ToList()))
            .Where(c => c.Candidates.Count > 0).ToList();
        var nearer = await ExistingAsync(naming.SelectMany(c => c.Candidates.SelectMany(path => path)), cancellationToken);
        var keys = naming.Where(c => c.Candidates.Any(closer => !closer.Any(nearer.ContainsKey))).Select(c => c.Key).ToList();
        return await listReader.LoadItemsAsync(keys, null, cancellationToken);
    }

    private async Task<Dictionary<string, (long Key, string Id)>> ExistingAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var distinct = paths.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return new Dictionary<string, (long Key, string Id)>(StringComparer.Ordinal);
        }

        var rows = await context.Articles.Where(a => distinct.Contains(a.SourcePath)).Select(a => new { a.SourcePath, a.Key, a.Id }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.SourcePath, r => (r.Key, r.Id), StringComparer.Ordinal);
    }
}
