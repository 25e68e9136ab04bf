using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ArticleApi.Data;
using ArticleApi.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace ArticleApi.Tests;

/// <summary>What a newcomer sees when the service cannot start, and which database it says it uses.</summary>
public sealed class HostStartTests
{
    [Fact]
    public async Task APortInUseIsOneLineThatSaysHowToChooseAnother()
    {
        using var folder = new TempFolder();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet",
            ["exec", Path.Combine(AppContext.BaseDirectory, "ArticleApi.dll"), $"--urls={url}", $"--ConnectionStrings:Articles=Data Source={folder.Combine("a.db")}",
                $"--Import:SourceDirectory={folder.Path}", "--Import:Watch=false", "--Metrics:Enabled=false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Equal(
            $"ArticleApi cannot start: Failed to bind to address {url}: address already in use. "
            + "Another process listens there: choose another port with --urls http://localhost:5001 (or the ASPNETCORE_URLS variable).\n",
            error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("   at ", await output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite", "Data Source=data/articles.db", "SQLite file {cwd}/data/articles.db")]
    [InlineData("Sqlite", "Data Source=/srv/a.db;Cache=Shared", "SQLite file /srv/a.db")]
    [InlineData("PostgreSql", "Host=db;Port=5433;Database=articles;Username=u;Password=secret", "PostgreSQL database articles on db:5433")]
    [InlineData("Sqlite", "Data Source", "a database whose connection string cannot be read")]
    public void TheStartUpLineNamesTheDatabaseWithoutItsPassword(string provider, string connectionString, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Articles"] = connectionString,
        }).Build();

        Assert.Equal(expected.Replace("{cwd}", Directory.GetCurrentDirectory(), StringComparison.Ordinal), DatabaseLocation.Describe(configuration));
    }
}
