namespace ArticleApi.Import.Reading;

/// <summary>
/// The rules for rows that many files share, kept out of the SQL that writes them: a topic belongs to its slug and
/// keeps the first name written for it; a provider belongs to its domain and takes what the last file says of it.
/// </summary>
internal static class SharedRows
{
    /// <summary>What an article's link to a topic keeps of the name its file wrote: nothing when it is the canonical name.</summary>
    public static string? TopicNameAsWritten(string written, string canonical) =>
        string.Equals(written, canonical, StringComparison.Ordinal) ? null : written;

    /// <summary>
    /// The provider row after one more file names the domain (files are written in ordinal path order, so "last" is the
    /// same on every machine): that file's name and first logo, each falling back to what the row had (the domain, when
    /// no file gave a name).
    /// </summary>
    public static ProviderRow ProviderAfter(ProviderRow? current, string domain, string? name, string? logoUrl, int? logoWidth, int? logoHeight) => new(
        string.IsNullOrWhiteSpace(name) ? current?.Name ?? domain : name,
        logoUrl ?? current?.LogoUrl,
        logoUrl is null ? current?.LogoWidth : logoWidth,
        logoUrl is null ? current?.LogoHeight : logoHeight);
}

/// <summary>A provider as its row holds it.</summary>
internal sealed record ProviderRow(string Name, string? LogoUrl, int? LogoWidth, int? LogoHeight);
