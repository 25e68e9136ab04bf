namespace ArticleApi.Logging;

/// <summary>How log events are written to standard output.</summary>
internal enum ConsoleLogFormat
{
    /// <summary>One readable line per event, for a developer's terminal.</summary>
    Text,

    /// <summary>One JSON object per line (Serilog's compact format, CLEF, with the rendered message), for log shippers.</summary>
    CompactJson,
}
