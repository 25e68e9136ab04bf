using ArticleApi.Import;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests;

/// <summary>
/// The host as Program.cs builds it, with one bad setting: starting it fails with a message that names the key.
/// (The published app prints that message on standard error and exits with 1: .ci/smoke-container.sh checks it.)
/// </summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Import:MaxFileBytes", "-5", "Import:MaxFileBytes must be between 1 and 1073741824.")]
    [InlineData("Import:BatchSize", "0", "Import:BatchSize must be between 1 and 100000.")]
    [InlineData("Lists:KeptSearches", "-1", "Lists:KeptSearches must be between 0 and 100000.")]
    [InlineData("Lists:RenderedItemsMiB", "-1", "Lists:RenderedItemsMiB must be between 0 and 65536.")]
    [InlineData("Import:RescanInterval", "banana", "Failed to convert configuration value 'banana' at 'Import:RescanInterval' to type 'System.TimeSpan'.")]
    [InlineData("Import:WatchDebounce", "02:00:00", "Import:WatchDebounce must be between 00:00:00 and 01:00:00.")]
    [InlineData("Import:Enabled", "maybe", "Failed to convert configuration value 'maybe' at 'Import:Enabled' to type 'System.Boolean'.")]
    [InlineData("Import:SourceDirectory", "", "The SourceDirectory field is required.")]
    [InlineData("Database:Provider", "Postgres", "Database:Provider must be Sqlite or PostgreSql.")]
    [InlineData("Database:SqliteMemoryMapMiB", "-1", "Database:SqliteMemoryMapMiB must be between 0 and 1048576.")]
    [InlineData("ConnectionStrings:Articles", "", "ConnectionStrings:Articles is missing")]
    [InlineData("Serilog:ConsoleFormat", "Xml", "Failed to convert configuration value 'Xml' at 'Serilog:ConsoleFormat' to type 'ArticleApi.Logging.ConsoleLogFormat'.")]
    [InlineData("Serilog:ConsoleFormat", "7", "Serilog:ConsoleFormat must be Text or CompactJson.")]
    [InlineData("Metrics:Port", "70000", "Metrics:Port must be between 0 and 65535 (0 = the service's own port).")]
    [InlineData("Metrics:Enabled", "sometimes", "Failed to convert configuration value 'sometimes' at 'Metrics:Enabled' to type 'System.Boolean'.")]
    public async Task ABadSettingStopsTheStartWithAMessageNamingIt(string key, string value, string expected)
    {
        using var folder = new TempFolder();
        string[] args =
        [
            $"--ConnectionStrings:Articles=Data Source={folder.Combine("articles.db")}",
            $"--Import:SourceDirectory={folder.Path}",
            "--Import:Watch=false",
            "--urls=http://127.0.0.1:0",
            "--Serilog:MinimumLevel:Default=Fatal",
            $"--{key}={value}",
        ];
        var builder = ArticleApiHost.CreateBuilder(args);
        builder.Services.AddArticleImport(builder.Configuration);
        builder.Services.AddArticleQueries(builder.Configuration);
        await using var app = builder.Build();

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }
}
