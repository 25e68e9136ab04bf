using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace ArticleApi.OpenApi;

/// <summary>
/// <c>ArticleApi openapi &lt;file&gt;</c>: writes the document that <c>/swagger/v1/swagger.json</c> serves, without
/// starting the server or touching the database. The test project runs it at build time and generates its clients
/// from the file, so a client never drifts from the API it is compiled against.
/// </summary>
internal static class OpenApiCommand
{
    public static async Task<int> WriteAsync(WebApplication app, string path)
    {
        // Endpoints join the routing's global list (which the API explorer reads) when the pipeline is built at start;
        // this command never starts, so it adds them the way that step does.
        app.UseEndpoints(_ => { });
        var document = await app.Services.GetRequiredService<IAsyncSwaggerProvider>().GetSwaggerAsync(ApiDocumentation.DocumentName);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var file = File.Create(path);
        await document.SerializeAsJsonAsync(file, app.Services.GetRequiredService<IOptions<SwaggerOptions>>().Value.OpenApiVersion);
        return 0;
    }
}
