using Microsoft.Data.Sqlite;
using Npgsql;

namespace ArticleApi.Data;

/// <summary>
/// Which database a process uses, in words for its start-up line: the SQLite file's full path (a relative one is
/// resolved against the working directory, as SQLite does), or the PostgreSQL server and database, never the password.
/// </summary>
internal static class DatabaseLocation
{
    public static string Describe(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? "";
        try
        {
            if (configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"] == DatabaseOptions.PostgreSql)
            {
                var postgres = new NpgsqlConnectionStringBuilder(connectionString);
                return $"PostgreSQL database {postgres.Database} on {postgres.Host}:{postgres.Port}";
            }

            var sqlite = new SqliteConnectionStringBuilder(connectionString);
            return sqlite.DataSource is "" or ":memory:" ? "SQLite in memory" : $"SQLite file {Path.GetFullPath(sqlite.DataSource)}";
        }
        catch (ArgumentException)
        {
            // A malformed connection string is reported by name when the database is first opened.
            return "a database whose connection string cannot be read";
        }
    }
}
