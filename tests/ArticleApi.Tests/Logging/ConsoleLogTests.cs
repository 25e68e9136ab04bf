using System.Text.Json;
using ArticleApi.Logging;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace ArticleApi.Tests.Logging;

public sealed class ConsoleLogTests
{
    [Theory]
    [InlineData(null, "Text")]
    [InlineData("Text", "Text")]
    [InlineData("CompactJson", "CompactJson")]
    [InlineData("compactjson", "CompactJson")]
    // A bad value still gives a working logger; start-up validation then names the key (StartupValidationTests).
    [InlineData("Xml", "Text")]
    [InlineData("7", "Text")]
    public void TheConsoleFormatComesFromSerilogConsoleFormat(string? value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Serilog:ConsoleFormat", value)]).Build();

        Assert.Equal(expected, ConsoleLog.FormatIn(configuration).ToString());
    }

    [Fact]
    public void CompactJsonWritesOneJsonObjectPerEventWithItsProperties()
    {
        var output = Write(ConsoleLogFormat.CompactJson);

        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("Import pass 7 finished: 3 failed", json.RootElement.GetProperty("@m").GetString());
        Assert.Equal("Warning", json.RootElement.GetProperty("@l").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("PassId").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("Failed").GetInt32());
    }

    [Fact]
    public void TextWritesOneReadableLinePerEvent()
    {
        var output = Write(ConsoleLogFormat.Text);

        Assert.Matches(@"^\[\d\d:\d\d:\d\d WRN\] Tests: Import pass 7 finished: 3 failed\r?\n$", output);
    }

    private static string Write(ConsoleLogFormat format)
    {
        using var writer = new StringWriter();
        using (var logger = new LoggerConfiguration().WriteTo.Sink(new TextWriterSink(ConsoleLog.FormatterFor(format), writer)).CreateLogger())
        {
            logger.ForContext(Constants.SourceContextPropertyName, "Tests")
                .Warning("Import pass {PassId} finished: {Failed} failed", 7, 3);
        }

        return writer.ToString();
    }

    /// <summary>What the console sink does with the formatter, into a string.</summary>
    private sealed class TextWriterSink(ITextFormatter formatter, TextWriter writer) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => formatter.Format(logEvent, writer);
    }
}
