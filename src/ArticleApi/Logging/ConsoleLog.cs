using System.Globalization;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace ArticleApi.Logging;

/// <summary>Serilog for the web service and the CLI: levels from configuration, one console sink in the chosen format.</summary>
internal static class ConsoleLog
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static IServiceCollection AddArticleLogging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleLogOptions>().BindConfiguration(ConsoleLogOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSerilog((provider, logger) => logger
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext()
            .Filter.ByExcluding(IsHostStartFailure)
            .WriteTo.Console(FormatterFor(FormatIn(configuration))));
        return services;
    }

    /// <summary>
    /// The host's "Hosting failed to start" with a 20-line stack trace: the service reports a failed start itself, in
    /// one line that says what to do (ArticleApiHost.RunServiceAsync).
    /// </summary>
    private static bool IsHostStartFailure(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("EventId", out var id) && id is StructureValue eventId
        && eventId.Properties.Any(p => p.Name == "Name" && p.Value is ScalarValue { Value: "HostedServiceStartupFaulted" });

    public static ITextFormatter FormatterFor(ConsoleLogFormat format) => format switch
    {
        ConsoleLogFormat.CompactJson => new RenderedCompactJsonFormatter(),
        _ => new MessageTemplateTextFormatter(TextTemplate, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Read leniently: the logger is built before options are validated, and it must work to report a bad value.
    /// A bad value logs as text, then start-up validation stops the service naming the key.
    /// </summary>
    public static ConsoleLogFormat FormatIn(IConfiguration configuration) =>
        Enum.TryParse<ConsoleLogFormat>(configuration[$"{ConsoleLogOptions.SectionName}:{nameof(ConsoleLogOptions.ConsoleFormat)}"], ignoreCase: true, out var format)
        && Enum.IsDefined(format)
            ? format
            : ConsoleLogFormat.Text;
}
