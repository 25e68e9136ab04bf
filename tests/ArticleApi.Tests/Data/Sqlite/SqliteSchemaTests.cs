using ArticleApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ArticleApi.Tests.Data.Sqlite;

public sealed class SqliteSchemaTests
{
    [SqliteFact]
    public async Task AFileMadeBeforeMigrationsIsRebuiltAndRefilled()
    {
        using var factory = new ArticleApiFactory();
        Directory.CreateDirectory(Path.GetDirectoryName(factory.DatabasePath)!);
        using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE Articles (Key INTEGER PRIMARY KEY, Stale TEXT); PRAGMA user_version = 2;";
            command.ExecuteNonQuery();
        }

        _ = factory.Server;
        var report = await factory.ImportAsync();

        Assert.Equal(35, report.Counts.Added);
    }
}
