using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ArticleApi.Data;

/// <summary>
/// Quoted table and column names read from the EF model, for SQL written by hand: a renamed property or table changes
/// the statement with it instead of breaking it at run time.
/// </summary>
internal sealed class ModelNames(IModel model)
{
    public string Table<T>() => Quote(Entity<T>().GetTableName()!);

    public string Column<T>(string property) => Quote(Entity<T>().FindProperty(property)!.GetColumnName());

    /// <summary>The table of an owned collection, e.g. an article's images.</summary>
    public string OwnedTable<T>(string navigation) => Quote(Owned<T>(navigation).GetTableName()!);

    public string OwnedColumn<T>(string navigation, string property) => Quote(Owned<T>(navigation).FindProperty(property)!.GetColumnName());

    private IEntityType Entity<T>() => model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");

    private IEntityType Owned<T>(string navigation) => Entity<T>().FindNavigation(navigation)!.TargetEntityType;

    // Both engines read a double-quoted identifier as written.
    private static string Quote(string name) => $"\"{name}\"";
}
