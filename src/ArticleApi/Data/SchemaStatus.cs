using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data;

/// <summary>How many of this build's migrations the database holds: the schema is current when it holds them all.</summary>
internal sealed record SchemaStatus(int Applied, int Expected)
{
    public bool IsCurrent => Applied == Expected;

    /// <summary>Reads the migrations history; a database without one (nothing applied yet) gives 0 applied.</summary>
    public static async Task<SchemaStatus> ReadAsync(ArticleDbContext context, IDatabaseSchema schema, CancellationToken cancellationToken)
    {
        var expected = context.Database.GetMigrations().ToList();
        if (!await schema.HasMigrationsHistoryAsync(context, cancellationToken))
        {
            return new SchemaStatus(0, expected.Count);
        }

        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return new SchemaStatus(expected.Count(applied.Contains), expected.Count);
    }
}
