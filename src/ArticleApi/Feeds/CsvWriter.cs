using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using ArticleApi.Articles;
using ArticleApi.Http;

namespace ArticleApi.Feeds;

/// <summary>
/// CSV as RFC 4180 writes it: a header row, CRLF line ends, a field quoted when it holds a comma, a quote, CR or LF,
/// quotes doubled. One row per article; the provider and the first image take a column per member, the topics one
/// column of slugs joined by <c>;</c> (a slug never holds one), <c>snippet</c> appears with <c>q</c>. With <c>fields</c>,
/// the columns of the fields named.
/// </summary>
internal static class CsvWriter
{
    /// <summary>Every column, each with the list item field it comes from (what <c>fields</c> names).</summary>
    private static readonly Column[] All =
    [
        new("id", "id", a => a.Id),
        new("sourcePath", "sourcePath", a => a.SourcePath),
        new("title", "title", a => a.Title),
        new("excerpt", "excerpt", a => a.Excerpt),
        new("publishedDateTime", "publishedDateTime", a => a.PublishedDateTime?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        new("webUrl", "webUrl", a => a.WebUrl),
        new("type", "type", a => a.Type),
        new("category", "category", a => a.Category),
        new("quality", "quality", a => a.Quality?.ToString(CultureInfo.InvariantCulture)),
        new("heat", "heat", a => a.Heat?.ToString(CultureInfo.InvariantCulture)),
        new("published", "published", a => a.Published is { } published ? (published ? "true" : "false") : null),
        new("providerName", "provider", a => a.Provider?.Name),
        new("providerDomain", "provider", a => a.Provider?.Domain),
        new("topics", "topics", a => string.Join(';', a.Topics.Select(t => t.Slug))),
        new("imageUrl", "image", a => a.Image?.Url),
        new("imageWidth", "image", a => a.Image?.Width?.ToString(CultureInfo.InvariantCulture)),
        new("imageHeight", "image", a => a.Image?.Height?.ToString(CultureInfo.InvariantCulture)),
        new("snippet", "snippet", a => a.Snippet),
    ];

    /// <summary>The selected fields' columns, or every column (<c>snippet</c> only when searching).</summary>
    public static IReadOnlyList<Column> ColumnsFor(FieldSelection? fields, bool searching) =>
        [.. All.Where(c => fields?.Contains(c.Field) ?? (c.Field != "snippet" || searching))];

    public static async Task WriteAsync(PipeWriter output, IAsyncEnumerable<IReadOnlyList<ArticleListItem>> batches, IReadOnlyList<Column> columns, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        AppendRow(line, columns.Select(c => c.Header));
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            foreach (var item in batch)
            {
                AppendRow(line, columns.Select(c => c.Value(item)));
            }

            Encoding.UTF8.GetBytes(line.ToString(), output);
            line.Clear();
            await output.FlushAsync(cancellationToken);
        }

        if (line.Length > 0)
        {
            // No article at all: the header row alone.
            Encoding.UTF8.GetBytes(line.ToString(), output);
            await output.FlushAsync(cancellationToken);
        }
    }

    private static void AppendRow(StringBuilder line, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                line.Append(',');
            }

            first = false;
            AppendField(line, field ?? "");
        }

        line.Append("\r\n");
    }

    private static void AppendField(StringBuilder line, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(field);
            return;
        }

        line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>A CSV column: its header, the list item field it shows, and how.</summary>
    internal sealed record Column(string Header, string Field, Func<ArticleListItem, string?> Value);
}
