using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ArticleApi.Import.Reading.FrontMatter;

/// <summary>
/// Reads a file's bytes into front matter and body. Pure: bytes in, <see cref="FrontMatterResult"/> out, no I/O.
/// Hostile input is bounded: nesting depth, and the nodes and characters that aliases would expand to (the
/// file's size is bounded by <see cref="SourceFileReader"/>, which reads no more than the limit).
/// </summary>
internal sealed class FrontMatterParser(FrontMatterLimits limits)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public FrontMatterResult Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            var (line, column) = Locate(bytes, exception.Index);
            return Broken(line, column, "file is not valid UTF-8");
        }

        return Parse(text);
    }

    public FrontMatterResult Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (!FrontMatterSplitter.TrySplit(text, out var yaml, out var body))
        {
            return new FrontMatterResult.NotAnItem("no front matter: the first line is not ---");
        }

        if (yaml is null)
        {
            return Broken(1, 1, "front matter is not closed: no line --- after the opening one");
        }

        YamlNode? root;
        try
        {
            // Most front matter has the common shape, read without YamlDotNet; the rest, and every error, goes the general way.
            root = CommonShapeYaml.TryRead(yaml, firstLine: 2, limits) ?? new YamlTreeBuilder(yaml, firstLine: 2, limits).Build();
        }
        catch (YamlException exception)
        {
            // The YAML starts on the file's second line.
            return Broken((int)exception.Start.Line + 1, (int)exception.Start.Column, Describe(exception));
        }
        catch (FrontMatterException exception)
        {
            return Broken(exception.Line, exception.Column, exception.Message);
        }

        return root switch
        {
            YamlMap map => new FrontMatterResult.Parsed(map, body),
            null => new FrontMatterResult.NotAnItem("front matter is empty"),
            _ => new FrontMatterResult.NotAnItem("front matter is not a map of keys and values"),
        };
    }

    private static FrontMatterResult.Broken Broken(int line, int column, string reason) => new(new SourceError(line, column, reason));

    private static string Describe(YamlException exception)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 40) - (Line: ...): "; the place is reported separately.
        var message = exception.InnerException?.Message ?? exception.Message;
        var separator = message.LastIndexOf("): ", StringComparison.Ordinal);
        var reason = separator >= 0 ? message[(separator + 3)..] : message;
        return "invalid YAML: " + reason.TrimEnd('.');
    }

    private static (int Line, int Column) Locate(ReadOnlySpan<byte> bytes, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
