namespace ArticleApi.Import;

/// <summary>
/// A pass over a folder other than the one the database mirrors: refused, because it would delete every article of
/// the first folder (two services started on one database file with different folders, or a mistyped folder).
/// </summary>
internal sealed class SourceFolderMismatchException(string mirrored, string configured)
    : InvalidOperationException($"the database mirrors {mirrored}, not {configured}: point Import:SourceDirectory at {mirrored}, "
        + "use another database, or set Import:AllowSourceChange=true to replace its articles with this folder's");
