using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ArticleApi.Logging;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ArticleApi.Tests.Telemetry;

/// <summary>The request's log line says which request it was (query string included) and which trace it belongs to.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task TheRequestLineHasTheQueryStringAndTheTraceIdOfTheRequest()
    {
        var events = new Sink();
        using var factory = new ArticleApiFactory();
        using var host = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(events));
        });
        using var client = host.CreateClient();
        await factory.ImportAsync();
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles?q=kubernetes&limit=2");
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();

        // The request line is written as the middleware unwinds, which can be just after the client has the response.
        await events.RequestLogged.WaitAsync(TimeSpan.FromSeconds(30));
        var line = Assert.Single(events.Events, e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal));
        Assert.Matches(@"^HTTP GET /articles\?q=kubernetes&limit=2 responded 200 in \d+\.\d{4} ms$", line.RenderMessage());
        Assert.Equal(trace, line.TraceId);
        using var writer = new StringWriter();
        ConsoleLog.FormatterFor(ConsoleLogFormat.CompactJson).Format(line, writer);
        using var json = JsonDocument.Parse(writer.ToString());
        Assert.Equal(trace.ToString(), json.RootElement.GetProperty("@tr").GetString());
        Assert.Equal(line.SpanId.ToString(), json.RootElement.GetProperty("@sp").GetString());
    }

    private sealed class Sink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public SemaphoreSlim RequestLogged { get; } = new(0);

        public void Emit(LogEvent logEvent)
        {
            Events.Enqueue(logEvent);
            if (logEvent.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal))
            {
                RequestLogged.Release();
            }
        }
    }
}
