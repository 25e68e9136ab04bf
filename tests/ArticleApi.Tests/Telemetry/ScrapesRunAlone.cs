namespace ArticleApi.Tests.Telemetry;

/// <summary>
/// Tests that read <c>/metrics</c> whole. OpenTelemetry listens to every meter of a name in the process, not only
/// its own host's, so these run alone, after the parallel tests and their hosts are gone: the counts are then exact.
/// </summary>
[CollectionDefinition(nameof(ScrapesRunAlone), DisableParallelization = true)]
public sealed class ScrapesRunAlone;
