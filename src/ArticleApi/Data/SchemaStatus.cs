using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ArticleApi.Data;

/// <summary>
/// How many of this build's migrations the database holds: the schema is current when it holds them all. On a shared
/// server a replica may start before the importer has even created the database: that is <see cref="DatabaseExists"/>
/// false, a normal wait like a missing schema.
/// </summary>
internal sealed record SchemaStatus(int Applied, int Expected, bool DatabaseExists = true)
{
    public bool IsCurrent => Applied == Expected;

    /// <summary>Reads the migrations history; a database without one (nothing applied yet), or no database yet, gives 0 applied.</summary>
    public static async Task<SchemaStatus> ReadAsync(ArticleDbContext context, IDatabaseSchema schema, CancellationToken cancellationToken)
    {
        var expected = context.Database.GetMigrations().ToList();
        // The provider's own test expects the failure: EF logs it at Debug, where a plain read of a missing database
        // logs two errors per readiness probe until the importer has created it.
        if (!await context.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            return new SchemaStatus(0, expected.Count, DatabaseExists: false);
        }

        if (!await schema.HasMigrationsHistoryAsync(context, cancellationToken))
        {
            return new SchemaStatus(0, expected.Count);
        }

        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return new SchemaStatus(expected.Count(applied.Contains), expected.Count);
    }
}
