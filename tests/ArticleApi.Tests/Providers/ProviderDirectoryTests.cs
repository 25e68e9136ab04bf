using ArticleApi.Providers;
using ArticleApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Providers;

/// <summary>
/// The provider list kept per data version (<see cref="ProviderDirectory"/>): its search folds ASCII case only, as
/// SQL's <c>lower()</c> does, takes wildcards literally, and a pass that adds a provider shows at once.
/// </summary>
public sealed class ProviderDirectoryTests
{
    private static readonly ProviderDirectory.Listing Listing = new(
    [
        new ProviderResponse("b.example", "ÉCOLE News", null, 3),
        new ProviderResponse("a.example", "Tech_Daily 100%", null, 2),
        new ProviderResponse("techish.example", "Other", null, 2),
    ]);

    [Theory]
    [InlineData("TECH", "a.example techish.example")]
    [InlineData("école", "")]
    [InlineData("École", "b.example")]
    [InlineData("cole n", "b.example")]
    [InlineData("_daily 100%", "a.example")]
    [InlineData("%", "a.example")]
    [InlineData("ech_", "a.example")]
    [InlineData("e_h", "")]
    [InlineData(".EXAMPLE", "b.example a.example techish.example")]
    public void MatchingFoldsAsciiCaseOnlyAndTakesWildcardsLiterally(string q, string expected)
    {
        Assert.Equal(expected, string.Join(' ', Listing.Matching(q).Select(p => p.Domain)));
    }

    [Fact]
    public void FindIsExactOnTheDomain()
    {
        Assert.Equal("Other", Listing.Find("techish.example")?.Name);
        Assert.Null(Listing.Find("TECHISH.example"));
    }

    [Fact]
    public async Task APassThatAddsAProviderShowsInTheNextList()
    {
        await using var factory = new ArticleApiFactory();
        await factory.ImportAsync();
        using var client = factory.CreateClient();
        Assert.Equal(0, (await client.GetJsonAsync("/providers?q=fresh")).GetProperty("items").GetArrayLength());

        await File.WriteAllTextAsync(Path.Combine(factory.SourceDirectory, "news", "2026-12-01-fresh.md"),
            "---\ntitle: \"Fresh\"\npublishedDateTime: 2026-12-01T08:00:00Z\nprovider:\n  name: Fresh Wire\n  domain: fresh.example\n---\n");
        await factory.Services.GetRequiredService<ArticleApi.Import.ImportCoordinator>().RunPassAsync(CancellationToken.None);

        Assert.Equal(
            """{"items":[{"domain":"fresh.example","name":"Fresh Wire","logo":null,"articleCount":1}],"next":null}""",
            (await client.GetJsonAsync("/providers?q=fresh")).GetRawText());
        Assert.Equal("""{"domain":"fresh.example","name":"Fresh Wire","logo":null,"articleCount":1}""", (await client.GetJsonAsync("/providers/fresh.example")).GetRawText());
    }
}
