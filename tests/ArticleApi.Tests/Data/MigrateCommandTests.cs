using ArticleApi.Data;
using ArticleApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ArticleApi.Tests.Data;

/// <summary><c>ArticleApi migrate</c>, run in-process with the arguments a shell would pass.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task MigratePreparesAFreshDatabaseAndCanRunAgain()
    {
        string[] args = [$"--ConnectionStrings:Articles=Data Source={_folder.Combine("data", "m.db")}", "--Serilog:MinimumLevel:Default=Warning"];

        Assert.Equal(0, await MigrateCommand.RunAsync(args));
        Assert.Equal(0, await MigrateCommand.RunAsync(args));
        Assert.True(File.Exists(_folder.Combine("data", "m.db")));
    }

    [Fact]
    public async Task AnUnknownProviderExitsWithOne()
    {
        Assert.Equal(1, await MigrateCommand.RunAsync([$"--ConnectionStrings:Articles=Data Source={_folder.Combine("m.db")}", "--Database:Provider=Oracle"]));
    }
}
