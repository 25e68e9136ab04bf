using System.ComponentModel.DataAnnotations;

namespace ArticleApi.Logging;

/// <summary>
/// The keys of the <c>Serilog</c> section that the service reads itself; the rest of the section (levels, overrides)
/// is Serilog's own.
/// </summary>
internal sealed class ConsoleLogOptions
{
    public const string SectionName = "Serilog";

    /// <summary><c>Text</c> (readable lines) or <c>CompactJson</c> (one JSON object per line, as the container sets).</summary>
    [EnumDataType(typeof(ConsoleLogFormat), ErrorMessage = "Serilog:ConsoleFormat must be Text or CompactJson.")]
    public ConsoleLogFormat ConsoleFormat { get; set; } = ConsoleLogFormat.Text;
}
