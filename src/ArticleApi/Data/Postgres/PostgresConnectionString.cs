using System.Data.Common;
using Npgsql;

namespace ArticleApi.Data.Postgres;

/// <summary>The operator's connection string with the defaults this service wants from Npgsql, where the operator set none.</summary>
internal static class PostgresConnectionString
{
    /// <summary>
    /// Statements Npgsql prepares per connection once they have run a few times. The API sends a few dozen statement
    /// shapes; prepared, the server skips parsing and planning them: on 1,000,000 articles an article by id went from
    /// 357 to 673 requests/s and a list page from 429 to 527 (BENCHMARKS.md). Set <c>Max Auto Prepare=0</c> behind a
    /// pooler in transaction mode that does not track prepared statements.
    /// </summary>
    public const int MaxAutoPrepare = 64;

    public static string WithDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        return builder.ConnectionString;
    }
}
