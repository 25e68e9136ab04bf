using System.Collections.Concurrent;
using System.Diagnostics;
using ArticleApi.Telemetry;
using ArticleApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace ArticleApi.Tests.Telemetry;

/// <summary>
/// Spans as an exporter would receive them: requests, the database commands under them, import passes. Activity
/// listeners hear the whole process, so each test follows a trace id of its own.
/// </summary>
public sealed class TracingTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _started = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public TracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or ArticleApiMeter.DatabaseSource or ArticleApiMeter.ImportSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = _started.Enqueue,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task ARequestsDatabaseCommandsAreSpansUnderIt()
    {
        using var factory = new MetricsApiFactory();
        using var client = factory.CreateClient();
        await factory.ImportAsync();
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles/news-2025-01-14-kubernetes-autoscaling-gets-smarter-with-predictive-node-pools");
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();

        // The server's span ends after the client has the response; the commands' spans ended before it was sent.
        var server = Assert.Single(_started, a => a.TraceId == trace && a.Source.Name == "Microsoft.AspNetCore");
        var commands = _stopped.Where(a => a.TraceId == trace && a.Source.Name == ArticleApiMeter.DatabaseSource).ToList();
        Assert.NotEmpty(commands);
        Assert.All(commands, command =>
        {
            Assert.Equal(server.SpanId, command.ParentSpanId);
            Assert.Equal(ActivityKind.Client, command.Kind);
            Assert.Equal("SELECT", command.DisplayName);
            Assert.Equal(TestDatabase.IsPostgres ? "postgresql" : "sqlite", command.GetTagItem("db.system.name"));
            Assert.StartsWith("SELECT", (string?)command.GetTagItem("db.query.text"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AnImportPassIsASpanWithItsDatabaseCommandsUnderIt()
    {
        using var factory = new MetricsApiFactory();
        _ = factory.Server;
        using var caller = new ActivitySource("ArticleApi.Tests");
        using var listenToCaller = new ActivityListener
        {
            ShouldListenTo = source => source == caller,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listenToCaller);

        ActivityTraceId trace;
        long passId;
        using (var parent = caller.StartActivity("test"))
        {
            trace = parent!.TraceId;
            passId = (await factory.ImportAsync()).PassId;
        }

        var spans = _stopped.Where(a => a.TraceId == trace).ToList();
        var pass = Assert.Single(spans, a => a.Source.Name == ArticleApiMeter.ImportSource);
        Assert.Equal("import pass", pass.DisplayName);
        Assert.Equal(passId, pass.GetTagItem("articleapi.import.pass_id"));
        Assert.Equal(38, pass.GetTagItem("articleapi.import.files.seen"));
        Assert.Equal(ActivityStatusCode.Unset, pass.Status);
        // Reading what the database holds goes through EF (the batches' bulk inserts are plain ADO.NET and are not spans).
        Assert.Contains(spans, a => a.Source.Name == ArticleApiMeter.DatabaseSource && a.ParentSpanId == pass.SpanId);
    }

    [Fact]
    public void TracesAreExportedOnlyWhenAnOtlpEndpointIsSet()
    {
        using var without = new ArticleApiFactory();
        using var with = new ArticleApiFactory().WithWebHostBuilder(builder => builder.UseSetting(TelemetryBuilderExtensions.OtlpEndpointKey, "http://127.0.0.1:4317"));

        Assert.Null(without.Services.GetService<TracerProvider>());
        Assert.NotNull(with.Services.GetService<TracerProvider>());
    }

    [Theory]
    [InlineData("SELECT \"a\".\"Id\" FROM \"Articles\"", "SELECT")]
    [InlineData("  insert into x values (1)", "INSERT")]
    [InlineData("-- tagged\nSELECT 1", "sqlite")]
    [InlineData("", "sqlite")]
    public void ACommandSpanIsNamedForItsStatement(string sql, string expected)
    {
        using var command = new SqliteCommand(sql);

        Assert.Equal(expected, DatabaseCommandTelemetry.SpanName(command));
    }
}
