using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ArticleApi.Data.Postgres;

/// <summary>
/// The one change the model needs on PostgreSQL: text columns use the <c>C</c> collation, which compares bytes as
/// SQLite's BINARY does. Ids, slugs and domains then sort and compare ordinally on both engines (the API's order and
/// its keyset cursors depend on it), whatever locale the server was created with.
/// </summary>
internal sealed class PostgresModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public const string Collation = "C";

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(type => type.GetProperties()).Where(p => p.ClrType == typeof(string)))
        {
            property.SetCollation(Collation);
        }
    }
}
