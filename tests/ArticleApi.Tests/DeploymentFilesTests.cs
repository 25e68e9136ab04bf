using System.Text.Json;
using System.Text.RegularExpressions;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests;

/// <summary>The Dockerfile, the compose file and docs/deployment.md agree with appsettings.json.</summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Root = TestPaths.RepositoryRoot;

    [Fact]
    public void EverySettingIsDocumentedWithItsEnvironmentVariable()
    {
        var docs = File.ReadAllText(Path.Combine(Root, "docs", "deployment.md"));

        // Per-category level overrides share one documented row.
        var missing = SettingKeys()
            .Where(key => !key.StartsWith("Serilog:MinimumLevel:Override:", StringComparison.Ordinal))
            .Where(key => !docs.Contains($"`{key}`", StringComparison.Ordinal) || !docs.Contains($"`{key.Replace(":", "__", StringComparison.Ordinal)}", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void EveryEnvironmentVariableTheImageAndComposeSetNamesASetting()
    {
        var keys = SettingKeys().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        var compose = File.ReadAllText(Path.Combine(Root, "docker", "docker-compose.yml"));
        var variables = SettingVariable().Matches(dockerfile).Concat(SettingVariable().Matches(compose)).Select(m => m.Value).Distinct().ToList();

        Assert.Contains("Serilog__ConsoleFormat", variables);
        Assert.DoesNotContain(variables, variable => !keys.Contains(variable.Replace("__", ":", StringComparison.Ordinal)));
        Assert.Contains("Serilog__ConsoleFormat=CompactJson", dockerfile, StringComparison.Ordinal);
        Assert.Contains("Serilog__ConsoleFormat: CompactJson", compose, StringComparison.Ordinal);
    }

    /// <summary>Every leaf key of the root appsettings.json, an empty array counting as a leaf.</summary>
    private static List<string> SettingKeys()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "appsettings.json")));
        return Leaves(json.RootElement, "").ToList();

        static IEnumerable<string> Leaves(JsonElement element, string prefix) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Leaves(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}")),
            _ => [prefix],
        };
    }

    [GeneratedRegex(@"\b[A-Za-z]+__[A-Za-z_.]+\b")]
    private static partial Regex SettingVariable();
}
