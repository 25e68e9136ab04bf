using Serilog.AspNetCore;
using Serilog.Events;

namespace ArticleApi.Telemetry;

/// <summary>
/// The one line Serilog writes per request, with the query string: <c>/articles?q=kubernetes</c> and
/// <c>/articles</c> are different requests to whoever reads the log. The trace and span ids come with every event of
/// a request (Serilog takes them from the current activity: <c>@tr</c> and <c>@sp</c> in CompactJson).
/// </summary>
internal static class RequestLog
{
    // :l writes the strings as they are (no quotes), so the line reads as the request did: GET /articles?q=ai.
    public const string MessageTemplate = "HTTP {RequestMethod:l} {RequestPath:l}{QueryString:l} responded {StatusCode} in {Elapsed:0.0000} ms";

    public static void Configure(RequestLoggingOptions options, Serilog.ILogger logger)
    {
        // The host's own logger: Serilog's middleware would otherwise write to the static Log.Logger, which is the last
        // host's when several run in one process (the tests).
        options.Logger = logger;
        options.MessageTemplate = MessageTemplate;
        // The line's properties straight from the request, not through the diagnostic context: that context is an
        // ambient collector, which several hosts in one process (the tests) can miss.
        options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
        [
            new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
            new LogEventProperty("RequestPath", new ScalarValue(path)),
            new LogEventProperty("QueryString", new ScalarValue(context.Request.QueryString.Value ?? "")),
            new LogEventProperty("StatusCode", new ScalarValue(status)),
            new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
        ];
    }
}
