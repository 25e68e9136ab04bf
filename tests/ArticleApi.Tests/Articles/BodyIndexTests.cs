using System.Net;
using ArticleApi.Articles;
using ArticleApi.Import;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// Search:IndexBody through the HTTP pipeline, on whichever engine the suite runs on. Each host over the same database
/// is a restart with the setting as given; the one sample with a body is the edge inference kit ("MIT" and
/// "Dockerfile" are in its body only).
/// </summary>
public sealed class BodyIndexTests
{
    private const string Kit = "downloads-edge-inference-starter-kit-for-onnx-runtime";
    private const string Validation = "One or more validation errors occurred.";

    private static readonly Dictionary<string, string[]> BodyDisabled = new() { ["searchIn"] = [ArticleQuery.BodySearchDisabled] };

    [Fact]
    public async Task WithTheBodyLeftOutTitleAndExcerptAreSearchedAndNamingTheBodyIsAValidationProblem()
    {
        using var factory = new ArticleApiFactory();
        using var off = Restart(factory, indexBody: false);
        await ImportAsync(off);
        var client = off.CreateClient();

        Assert.Contains(Kit, await client.GetAllIdsAsync("/articles?q=inference&searchIn=title"));
        Assert.Contains(Kit, await client.GetAllIdsAsync("/articles?q=template&searchIn=excerpt"));
        Assert.Contains(Kit, await client.GetAllIdsAsync("/articles?q=template&searchIn=title,excerpt&sort=relevance"));
        Assert.Contains(Kit, await client.GetAllIdsAsync("/articles?q=template"));
        foreach (var searchIn in new[] { "body", "title,body", "title,excerpt,body", "body,excerpt" })
        {
            await client.AssertProblemAsync($"/articles?q=mit&searchIn={searchIn}", HttpStatusCode.BadRequest, Validation, errors: BodyDisabled);
            await client.AssertProblemAsync($"/topics/ai/articles?q=mit&searchIn={searchIn}", HttpStatusCode.BadRequest, Validation, errors: BodyDisabled);
            await client.AssertProblemAsync($"/providers/techcrunch.com/articles?q=mit&searchIn={searchIn}", HttpStatusCode.BadRequest, Validation, errors: BodyDisabled);
        }

        Assert.Equal(0, await BodyMatchesAsync(factory, "dockerfile"));
    }

    [Fact]
    public async Task TurningTheSettingOnIndexesTheBodiesAlreadyStoredWithoutAPass()
    {
        using var factory = new ArticleApiFactory();
        using (var off = Restart(factory, indexBody: false))
        {
            await ImportAsync(off);
            Assert.Equal(0, await BodyMatchesAsync(factory, "dockerfile"));
        }

        using var on = Restart(factory, indexBody: true);
        var client = on.CreateClient();

        Assert.Equal([Kit], await client.GetAllIdsAsync("/articles?q=mit&searchIn=body"));
        Assert.Equal([Kit], await client.GetAllIdsAsync("/articles?q=template%20dockerfile&searchIn=excerpt,body"));
        Assert.Equal(1, await BodyMatchesAsync(factory, "dockerfile"));
    }

    [Fact]
    public async Task OffThenOnAgainDropsTheBodyThenIndexesItWithWhatWasImportedMeanwhile()
    {
        using var factory = new ArticleApiFactory();
        await ImportAsync(factory);
        Assert.Equal([Kit], await factory.CreateClient().GetAllIdsAsync("/articles?q=mit&searchIn=body"));

        using (var off = Restart(factory, indexBody: false))
        {
            var client = off.CreateClient();
            await client.AssertProblemAsync("/articles?q=mit&searchIn=body", HttpStatusCode.BadRequest, Validation, errors: BodyDisabled);
            Assert.Equal(0, await BodyMatchesAsync(factory, "dockerfile"));
            // A pass while the body is left out: an added file, and an edit of the kit's body, go through the triggers.
            File.WriteAllText(Path.Combine(factory.SourceDirectory, "zeppelin.md"), "---\ntitle: \"Airships return\"\n---\nA zeppelin over the harbour.\n");
            var kitPath = Directory.GetFiles(factory.SourceDirectory, "edge-inference-starter-kit-for-onnx-runtime.md", SearchOption.AllDirectories).Single();
            File.WriteAllText(kitPath, File.ReadAllText(kitPath).Replace("Dockerfile", "Containerfile", StringComparison.Ordinal));
            var report = await ImportAsync(off);
            Assert.Equal((1, 1), (report.Counts.Added, report.Counts.Updated));
            Assert.Single(await client.GetAllIdsAsync("/articles?q=airships&searchIn=title"));
            Assert.Equal(0, await BodyMatchesAsync(factory, "zeppelin"));
        }

        using var on = Restart(factory, indexBody: true);
        var again = on.CreateClient();
        Assert.Single(await again.GetAllIdsAsync("/articles?q=zeppelin&searchIn=body"));
        Assert.Equal([Kit], await again.GetAllIdsAsync("/articles?q=containerfile&searchIn=body"));
        Assert.Empty(await again.GetAllIdsAsync("/articles?q=dockerfile&searchIn=body"));
        Assert.Equal([Kit], await again.GetAllIdsAsync("/articles?q=mit&searchIn=body"));
    }

    [Fact]
    public void OnlyASearchInNamingTheBodyIsRefusedWhenTheBodyIsNotIndexed()
    {
        var reader = new ArticleApi.Http.ParameterReader();
        var titles = ArticleQuery.Parse(new ArticleListParameters { Q = "edge", SearchIn = ["title,excerpt"] }, reader, bodyIndexed: false);
        Assert.Equal(ArticleApi.Data.SearchFields.Default, titles!.Search!.Fields);

        Assert.Null(ArticleQuery.Parse(new ArticleListParameters { Q = "edge", SearchIn = ["excerpt,body"] }, reader, bodyIndexed: false));
        Assert.Equal([ArticleQuery.BodySearchDisabled], reader.Errors["searchIn"]);
    }

    /// <summary>Another host over the factory's database and folder, as a restart with Search:IndexBody set would be.</summary>
    private static WebApplicationFactory<Program> Restart(ArticleApiFactory factory, bool indexBody) =>
        factory.WithWebHostBuilder(builder => builder.UseSetting("Search:IndexBody", indexBody ? "true" : "false"));

    private static async Task<ImportReport> ImportAsync(WebApplicationFactory<Program> host) =>
        await host.Services.GetRequiredService<ImportCoordinator>().RunPassAsync(CancellationToken.None)
            ?? throw new InvalidOperationException("the import pass failed; see the log");

    /// <summary>Rows whose index entry holds the word anywhere, read past the API: the body is in the index data or not.</summary>
    private static async Task<long> BodyMatchesAsync(ArticleApiFactory factory, string word)
    {
        await using var connection = factory.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = TestDatabase.IsPostgres
            ? $"SELECT count(*) FROM \"Articles\" WHERE \"SearchVector\" @@ to_tsquery('articleapi', '{word}')"
            : $"SELECT count(*) FROM ArticlesFts WHERE ArticlesFts MATCH '{word}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
