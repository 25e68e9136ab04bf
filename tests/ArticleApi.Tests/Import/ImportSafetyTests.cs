using System.Diagnostics;
using ArticleApi.Import;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Import;

/// <summary>Hostile and careless folders: ids that would collide, links, unreadable folders, another folder, a killed pass.</summary>
public sealed class ImportSafetyTests : IDisposable
{
    private readonly TempFolder _outside = new();

    public void Dispose() => _outside.Dispose();

    [Fact]
    public async Task AFileNamedAfterAnotherFilesSuffixedIdImportsBesideIt()
    {
        using var factory = new ArticleApiFactory(sourceToCopy: "");
        var suffix = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("coll/a_b/x.md"u8.ToArray()).AsSpan(0, 4));
        Write(factory.SourceDirectory, "coll/a_b/x.md", "A");
        Write(factory.SourceDirectory, "coll/a-b/x.md", "B");
        Write(factory.SourceDirectory, $"coll/a-b-x-{suffix}.md", "C");

        var first = await factory.ImportAsync();
        var second = await factory.ImportAsync();

        Assert.Empty(first.Failures);
        Assert.Equal(3, first.Counts.Added);
        Assert.Equal(3, second.Counts.Unchanged);
        Assert.Equal(3, (await IdsAsync(factory)).Distinct().Count());
    }

    [SkippableFact]
    public async Task LinksAreNotFollowedByDefaultAndSaySo()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "symbolic links without privileges");
        using var factory = new ArticleApiFactory(sourceToCopy: "");
        Write(_outside.Path, "secret.md", "Secret");
        Write(factory.SourceDirectory, "real.md", "Real");
        File.CreateSymbolicLink(Path.Combine(factory.SourceDirectory, "inside.md"), Path.Combine(_outside.Path, "secret.md"));
        Directory.CreateSymbolicLink(Path.Combine(factory.SourceDirectory, "dir"), _outside.Path);
        File.CreateSymbolicLink(Path.Combine(factory.SourceDirectory, "zero.md"), "/dev/zero");

        var report = await factory.ImportAsync();

        Assert.Equal(["real"], await IdsAsync(factory));
        Assert.Equal(
            [
                new SkippedFile("dir/", "a symbolic link: not followed (Import:FollowSymlinks is false)"),
                new SkippedFile("inside.md", "a symbolic link: not followed (Import:FollowSymlinks is false)"),
                new SkippedFile("zero.md", "a symbolic link: not followed (Import:FollowSymlinks is false)"),
            ],
            report.Skipped);
    }

    [SkippableFact]
    public async Task FollowedLinksStayInsideTheFolderAndNeverLoop()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "symbolic links without privileges");
        using var factory = new FollowingFactory();
        Write(_outside.Path, "secret.md", "Secret");
        Write(factory.SourceDirectory, "loop/real.md", "Real");
        Directory.CreateSymbolicLink(Path.Combine(factory.SourceDirectory, "loop", "again"), Path.Combine(factory.SourceDirectory, "loop"));
        Directory.CreateSymbolicLink(Path.Combine(factory.SourceDirectory, "out"), _outside.Path);
        File.CreateSymbolicLink(Path.Combine(factory.SourceDirectory, "alias.md"), Path.Combine(factory.SourceDirectory, "loop", "real.md"));

        var report = await factory.ImportAsync();

        Assert.Equal(["alias", "loop-real"], await IdsAsync(factory));
        Assert.Equal(
            [
                new SkippedFile("loop/again/", "a symbolic link to a folder already scanned (a loop or a second way in): not followed"),
                new SkippedFile("out/", "a symbolic link out of the source folder: not followed"),
            ],
            report.Skipped);
    }

    [Fact]
    public async Task ADatabaseKeepsTheFolderItMirrorsUnlessTheSwitchIsDeliberate()
    {
        using var factory = new ArticleApiFactory(sourceToCopy: "");
        Write(factory.SourceDirectory, "a.md", "A");
        await factory.ImportAsync();
        Write(_outside.Path, "b.md", "B");
        var importer = factory.Services.GetRequiredService<ArticleImporter>();

        var refused = await Assert.ThrowsAsync<SourceFolderMismatchException>(() => importer.RunAsync(_outside.Path));

        var expected = $"the database mirrors {factory.SourceDirectory}, not {_outside.Path}: point Import:SourceDirectory at "
            + $"{factory.SourceDirectory}, use another database, or set Import:AllowSourceChange=true to replace its articles with this folder's";
        Assert.Equal(expected, refused.Message);
        Assert.Equal(["a"], await IdsAsync(factory));
        Assert.Equal("failed: " + expected, (await LatestRunAsync(factory)).Outcome);
    }

    [Fact]
    public async Task APassAKilledProcessLeftRunningIsClosedByTheNext()
    {
        using var factory = new ArticleApiFactory(sourceToCopy: "");
        Write(factory.SourceDirectory, "a.md", "A");
        await using (var db = await Context(factory))
        {
            db.ImportRuns.Add(new ImportRun { SourceDirectory = factory.SourceDirectory, StartedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
        }

        await factory.ImportAsync();

        await using var check = await Context(factory);
        var runs = await check.ImportRuns.OrderBy(r => r.Id).Select(r => r.Outcome).ToListAsync();
        Assert.Equal(["interrupted: the process stopped before the pass finished", "completed"], runs);
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task AFolderThatCannotBeListedFailsWithItsPathAndKeepsItsArticles()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "permissions and runuser are Linux here");
        var root = Environment.UserName == "root";
        Skip.If(root && !File.Exists("/usr/sbin/runuser"), "as root a folder's permissions do not stop listing, and runuser is missing");
        using var work = new TempFolder();
        var source = work.Combine("articles");
        var database = work.Combine("db", "articles.db");
        Write(source, "open/a.md", "A");
        Write(source, "locked/b.md", "B");
        Assert.Equal(0, (await CliAsync(source, database, asNobody: root)).Exit);

        File.SetUnixFileMode(Path.Combine(source, "locked"), UnixFileMode.None);
        try
        {
            var (exit, output) = await CliAsync(source, database, asNobody: root);

            Assert.Equal(1, exit);
            Assert.Contains("  FAILED  locked/:0:0: cannot list the folder: Access to the path", output, StringComparison.Ordinal);
            Assert.Contains("deleted 0", output, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(Path.Combine(source, "locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The command-line import in a process of its own: as nobody when the tests run as root, whom permissions do not stop.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static async Task<(int Exit, string Output)> CliAsync(string source, string database, bool asNobody)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        foreach (var path in new[] { Path.GetDirectoryName(Path.GetDirectoryName(database))!, Path.GetDirectoryName(database)!, source })
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "ArticleApi.dll");
        string[] arguments = ["exec", dll, "import", source, $"--ConnectionStrings:Articles=Data Source={database}", "--Serilog:MinimumLevel:Default=Warning"];
        var start = asNobody
            ? new ProcessStartInfo("/usr/sbin/runuser", ["-u", "nobody", "--", Environment.ProcessPath ?? "dotnet", .. arguments])
            : new ProcessStartInfo(Environment.ProcessPath ?? "dotnet", arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!))
        {
            File.SetUnixFileMode(file, (UnixFileMode)0b110_110_110);
        }

        return (process.ExitCode, output);
    }

    private static void Write(string folder, string relativePath, string title)
    {
        var full = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, $"---\ntitle: \"{title}\"\n---\n");
    }

    private static async Task<ArticleDbContext> Context(ArticleApiFactory factory) =>
        await factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();

    private static async Task<List<string>> IdsAsync(ArticleApiFactory factory)
    {
        await using var db = await Context(factory);
        return await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
    }

    private static async Task<ImportRun> LatestRunAsync(ArticleApiFactory factory)
    {
        await using var db = await Context(factory);
        return await db.ImportRuns.OrderByDescending(r => r.Id).FirstAsync();
    }

    private sealed class FollowingFactory() : ArticleApiFactory(sourceToCopy: "")
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Import:FollowSymlinks", "true")];
    }
}
