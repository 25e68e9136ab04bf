using Serilog.AspNetCore;

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
        options.EnrichDiagnosticContext = (diagnostics, context) => diagnostics.Set("QueryString", context.Request.QueryString.Value ?? "");
    }
}
