using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Changes;

/// <summary>
/// Reads the change log as a mirror needs it. A replace is logged as a deletion and an insertion of one id in one data
/// version: served as one <c>updated</c> at the insertion's place. Two statements per page: the page's rows, and the
/// rows that pair with them (by id and data version, indexed).
/// </summary>
internal sealed class ChangeReader(ArticleDbContext context)
{
    /// <summary>The sequence number before the oldest change kept (0 when none was ever forgotten), and the newest.</summary>
    public async Task<(long Floor, long Latest)> BoundsAsync(CancellationToken cancellationToken)
    {
        var bounds = await context.ArticleChanges.GroupBy(_ => 1)
            .Select(g => new { Min = g.Min(c => c.Seq), Max = g.Max(c => c.Seq) }).FirstOrDefaultAsync(cancellationToken);
        return bounds is null ? (0, 0) : (bounds.Min - 1, bounds.Max);
    }

    /// <summary>Up to <paramref name="limit"/> log rows after <paramref name="after"/>, as changes; the last row's number; whether more follow.</summary>
    public async Task<(List<ChangeResponse> Items, long Last, bool More)> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        var rows = await context.ArticleChanges.Where(c => c.Seq > after && c.DataVersion != null)
            .OrderBy(c => c.Seq).Take(limit + 1).ToListAsync(cancellationToken);
        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(limit);
        }

        var ids = rows.Select(r => r.ArticleId).Distinct().ToList();
        var versions = rows.Select(r => r.DataVersion).Distinct().ToList();
        var partners = ids.Count == 0 ? [] : await context.ArticleChanges
            .Where(c => ids.Contains(c.ArticleId) && versions.Contains(c.DataVersion))
            .Select(c => new { c.Seq, c.ArticleId, c.DataVersion, c.IsDeletion }).ToListAsync(cancellationToken);
        var byIdAndVersion = partners.ToLookup(p => (p.ArticleId, p.DataVersion));

        var items = new List<ChangeResponse>(rows.Count);
        foreach (var row in rows)
        {
            var same = byIdAndVersion[(row.ArticleId, row.DataVersion)];
            if (row.IsDeletion && same.Any(p => !p.IsDeletion && p.Seq > row.Seq))
            {
                continue; // the first half of a replace: served as "updated" with its second half
            }

            var kind = row.IsDeletion ? "deleted" : same.Any(p => p.IsDeletion && p.Seq < row.Seq) ? "updated" : "added";
            items.Add(new ChangeResponse(row.ArticleId, kind, row.DataVersion!.Value, row.ChangedAt ?? DateTimeOffset.UnixEpoch));
        }

        return (items, rows.Count > 0 ? rows[^1].Seq : after, more);
    }

    /// <summary>Forgets changes made before <paramref name="cutoff"/>, always keeping the newest so the floor stays known.</summary>
    public static async Task<int> PruneAsync(ArticleDbContext context, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var newest = await context.ArticleChanges.MaxAsync(c => (long?)c.Seq, cancellationToken);
        return newest is null ? 0 : await context.ArticleChanges.Where(c => c.ChangedAt < cutoff && c.Seq < newest).ExecuteDeleteAsync(cancellationToken);
    }
}
