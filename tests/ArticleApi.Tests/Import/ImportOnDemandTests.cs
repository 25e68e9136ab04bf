using System.Net;
using System.Text;
using System.Text.Json;
using ArticleApi.Import;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArticleApi.Tests.Import;

/// <summary><c>POST /import</c> is an admin's: a key in a header, off without one, and triggers cannot postpone a pass for ever.</summary>
public sealed class ImportOnDemandTests
{
    private const string Forbidden = "https://tools.ietf.org/html/rfc9110#section-15.5.4";

    [Fact]
    public async Task WithoutAConfiguredKeyTheEndpointIsOffAndSaysSo()
    {
        using var factory = new KeyedFactory(key: null);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/import", null);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, Forbidden, "Import on demand is off",
            "No Import:AdminKey is configured, so POST /import is off; passes still run at start, on file changes and on the rescan interval.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("guess")]
    [InlineData("s3cret ")]
    public async Task AMissingOrWrongKeyIsRefusedAndACrossSiteFormCannotSendOne(string? key)
    {
        using var factory = new KeyedFactory("s3cret");
        using var client = factory.CreateClient();
        // What a cross-site HTML form can send: text/plain, no custom header.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/import") { Content = new StringContent("x=1", Encoding.UTF8, "text/plain") };
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        using var response = await client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, Forbidden, "Wrong admin key",
            "POST /import needs the configured Import:AdminKey in the X-Admin-Key header.");
    }

    [Fact]
    public async Task TheRightKeyAsksForAPass()
    {
        using var factory = new KeyedFactory("s3cret");
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/import");
        request.Headers.Add("X-Admin-Key", "s3cret");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/import/status", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TriggersThatNeverStopCannotPostponeAPassPastTheBound()
    {
        using var factory = new KeyedFactory("s3cret");
        var coordinator = factory.Services.GetRequiredService<ImportCoordinator>();
        coordinator.Trigger();

        // With an hour of quiet asked for and a trigger waiting, only the bound (none left) lets it return.
        await coordinator.DebounceAsync(TimeSpan.FromHours(1), TimeSpan.Zero, TimeProvider.System, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type, string title, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            (type, title, (int)status, detail),
            (body.RootElement.GetProperty("type").GetString(), body.RootElement.GetProperty("title").GetString(),
                body.RootElement.GetProperty("status").GetInt32(), body.RootElement.GetProperty("detail").GetString()));
    }

    private sealed class KeyedFactory(string? key) : ArticleApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            key is null ? [new("Import:Enabled", "true")] : [new("Import:Enabled", "true"), new("Import:AdminKey", key)];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // No worker: the tests ask for passes; a trigger only has to be accepted.
            builder.ConfigureTestServices(services => services.Remove(
                services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ImportWorker))));
        }
    }
}
