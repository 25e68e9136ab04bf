using ArticleApi.Model;
using Npgsql;

namespace ArticleApi.Tests.Infrastructure;

/// <summary>
/// Which engine the suite runs on: SQLite by default; PostgreSQL when <c>ARTICLEAPI_TEST_POSTGRES</c> holds a
/// connection string to a server (see .ci/postgres.sh), each factory then getting a fresh database of its own.
/// </summary>
public static class TestDatabase
{
    public const string PostgresVariable = "ARTICLEAPI_TEST_POSTGRES";

    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool IsPostgres => PostgresServer is not null;

    /// <summary>The <c>Database:Provider</c> value the app runs with.</summary>
    public static string Provider => IsPostgres ? "PostgreSql" : "Sqlite";

    /// <summary>Creates an empty database on the server and answers its connection string.</summary>
    public static string CreatePostgresDatabase()
    {
        var name = "articleapi_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(PostgresServer))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    public static void DropPostgresDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A test about SQLite itself (its query plans, its file): skipped, with the reason, when the suite runs on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "SQLite-specific (query plans, the database file); the suite runs on PostgreSQL (" + TestDatabase.PostgresVariable + " is set)";
        }
    }
}

/// <summary>A test of the PostgreSQL provider itself: skipped, with the reason, when no server is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = "needs PostgreSQL: set " + TestDatabase.PostgresVariable + " (eval \"$(bash .ci/postgres.sh)\")";
        }
    }
}

/// <summary>A theory about SQLite itself: skipped, with the reason, when the suite runs on PostgreSQL.</summary>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute()
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "SQLite-specific (query plans); the suite runs on PostgreSQL (" + TestDatabase.PostgresVariable + " is set)";
        }
    }
}

/// <summary>A theory about PostgreSQL itself (its query plans): skipped, with the reason, when no server is configured.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = "needs PostgreSQL: set " + TestDatabase.PostgresVariable + " (eval \"$(bash .ci/postgres.sh)\")";
        }
    }
}
