using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using ArticleApi.Articles;
using ArticleApi.Http;

namespace ArticleApi.Feeds;

/// <summary>NDJSON (one JSON object per line, https://github.com/ndjson/ndjson-spec): each article as a list item of the JSON page, or its selected fields.</summary>
internal static class NdjsonWriter
{
    public static async Task WriteAsync(
        PipeWriter output, IAsyncEnumerable<IReadOnlyList<ArticleListItem>> batches, FieldSelection? fields, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        // The writer's encoder is the serializer's: the same escaping as the JSON pages (the API's relaxed one).
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = options.Encoder });
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            foreach (var item in batch)
            {
                if (fields is null)
                {
                    JsonSerializer.Serialize(json, item, options);
                }
                else
                {
                    fields.WriteObject(json, JsonSerializer.SerializeToElement(item, options));
                }

                json.Flush();
                output.Write("\n"u8);
                // One writer for every line: Reset lets it start a new top-level value.
                json.Reset();
            }

            // Sends the batch on; the pipe waits here while a slow client catches up, so memory stays one batch.
            await output.FlushAsync(cancellationToken);
        }
    }
}
