using Xunit.Abstractions;
using Xunit.Sdk;

namespace ArticleApi.Tests.Infrastructure;

/// <summary>
/// The app over the real corpus (<see cref="TestPaths.Corpus"/>), imported once for the contract tests: the generated
/// clients and the response validation. Without the corpus it imports the samples instead and says so, so the contract
/// is still checked on every clone.
/// </summary>
public sealed class ContractApiFixture(IMessageSink diagnostics) : ArticleApiFactory(DatasetFolder), IAsyncLifetime
{
    public const string Collection = "contract";

    private static string DatasetFolder => Directory.Exists(TestPaths.Corpus) ? TestPaths.Corpus : TestPaths.Samples;

    /// <summary>What was imported: "the corpus" or "the samples".</summary>
    public string Dataset { get; } = Directory.Exists(TestPaths.Corpus) ? "the corpus" : "the samples";

    public async Task InitializeAsync()
    {
        if (!Directory.Exists(TestPaths.Corpus))
        {
            diagnostics.OnMessage(new DiagnosticMessage($"Contract tests run over samples/: {TestPaths.Corpus} is absent (set ARTICLEAPI_CORPUS to use another folder)."));
        }

        _ = Server;
        await ImportAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>One import of the contract dataset for every class that tests the contract.</summary>
[CollectionDefinition(ContractApiFixture.Collection)]
public sealed class ContractTests : ICollectionFixture<ContractApiFixture>;
