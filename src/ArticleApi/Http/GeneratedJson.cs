using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace ArticleApi.Http;

/// <summary>
/// A 200 whose JSON body is written in one synchronous pass by a source-generated serializer (its fast path, which
/// writes each member straight from generated code), instead of <c>Ok&lt;T&gt;</c>'s resumable async serializer.
/// System.Text.Json uses the generated fast path in async writes only for types whose payloads stay under 8 KB, and a
/// page of articles is about 17 KB, so through <c>Ok&lt;T&gt;</c> every page paid for the resumable one (BENCHMARKS.md,
/// "Pages written by the generated serializer"). The body goes into the response's pipe and is flushed once. The
/// endpoint's metadata is <c>Ok&lt;T&gt;</c>'s: a 200 of <typeparamref name="TValue"/> as JSON.
/// </summary>
internal sealed class GeneratedJson<TValue>(TValue value, JsonTypeInfo<TValue> typeInfo)
    : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<TValue>, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public TValue Value => value;

    object? IValueHttpResult.Value => value;

    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        // The writer escapes text: with the encoder of the service's JSON options, as Ok<T> did (ASP.NET Core's relaxed one).
        var encoder = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.Encoder;
        using (var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = encoder, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        // Sends what the writer committed to the pipe: a server that does not flush a pipe left unflushed at the end
        // (the test server does not) would answer with an empty body.
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TValue), ["application/json"]));
}
