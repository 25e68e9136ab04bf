using ArticleApi.Articles;
using ArticleApi.Data;

using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Providers;

/// <summary>
/// Every provider with its article count, in the order <c>/providers</c> lists them (most articles first, then domain),
/// kept per data version. A page, a search (<c>q</c>) and one provider read it instead of loading, counting and
/// sorting every provider row on each request: at 2,000 providers that load was nearly all of a request's time (712
/// requests/s over 1,000,000 articles, BENCHMARKS.md). It holds the provider rows, a few hundred bytes each.
/// </summary>
internal sealed class ProviderDirectory(IDbContextFactory<ArticleDbContext> contextFactory, ArticleCounts counts, DataVersion dataVersion) : IDisposable
{
    private readonly PerVersion<Listing> _listing = new(dataVersion);

    public Task<Listing> GetAsync(CancellationToken cancellationToken) => _listing.GetAsync(LoadAsync, cancellationToken);

    public void Dispose() => _listing.Dispose();

    /// <summary>
    /// <paramref name="text"/> with ASCII letters lowered and nothing else changed: the search folds case as SQL's
    /// <c>lower()</c> does under SQLite and PostgreSQL's C collation alike, ignoring .NET cultures.
    /// </summary>
    internal static string AsciiLower(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
        }
    });

    private async Task<Listing> LoadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await counts.GetAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var providers = await context.Providers.AsNoTracking().ToListAsync(cancellationToken);
        ProviderResponse[] ranked = [.. providers
            .Select(p => new ProviderResponse(p.Domain, p.Name, p.LogoUrl is null ? null : new ImageSummary(p.LogoUrl, p.LogoWidth, p.LogoHeight), snapshot.Provider(p.Domain)))
            .OrderByDescending(p => p.ArticleCount).ThenBy(p => p.Domain, StringComparer.Ordinal)];
        return new Listing(ranked);
    }

    /// <summary>The providers in list order, each with its name and domain lowered once for the search.</summary>
    internal sealed class Listing
    {
        private readonly Dictionary<string, ProviderResponse> _byDomain;
        private readonly string[] _names;
        private readonly string[] _domains;

        public Listing(ProviderResponse[] ranked)
        {
            Ranked = ranked;
            _byDomain = ranked.ToDictionary(p => p.Domain, StringComparer.Ordinal);
            _names = [.. ranked.Select(p => AsciiLower(p.Name))];
            _domains = [.. ranked.Select(p => AsciiLower(p.Domain))];
        }

        public IReadOnlyList<ProviderResponse> Ranked { get; }

        /// <summary>The provider with exactly this domain, or null.</summary>
        public ProviderResponse? Find(string domain) => _byDomain.GetValueOrDefault(domain);

        /// <summary>The providers whose name or domain contains <paramref name="q"/>, ASCII case aside, in list order.</summary>
        public IEnumerable<ProviderResponse> Matching(string q)
        {
            var lowered = AsciiLower(q);
            for (var i = 0; i < Ranked.Count; i++)
            {
                if (_names[i].Contains(lowered, StringComparison.Ordinal) || _domains[i].Contains(lowered, StringComparison.Ordinal))
                {
                    yield return Ranked[i];
                }
            }
        }
    }
}
