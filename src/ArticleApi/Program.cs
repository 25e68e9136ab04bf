using ArticleApi;
using ArticleApi.Data;
using ArticleApi.Health;
using ArticleApi.Http;
using ArticleApi.Import;
using ArticleApi.Logging;
using ArticleApi.OpenApi;
using Serilog;

// `ArticleApi import <folder>` runs one pass and exits; anything else starts the web service.
if (args.Length > 0 && args[0] == "import")
{
    return await ImportCommand.RunAsync(args[1..]);
}

// `ArticleApi migrate`: prepares the database's schema and exits (the importer also does it at its start).
if (args.Length > 0 && args[0] == "migrate")
{
    return await MigrateCommand.RunAsync(args[1..]);
}

// `ArticleApi health [url]`: the container's health probe (the runtime image has no curl).
if (args.Length > 0 && args[0] == "health")
{
    return await HealthProbeCommand.RunAsync(args[1..]);
}

var builder = ArticleApiHost.CreateBuilder(args);
builder.Services.AddArticleImport(builder.Configuration);
builder.Services.AddArticleQueries(builder.Configuration);
builder.Services.AddArticleHealthChecks();
builder.Services.AddEndpointsApiExplorer();
builder.Services.AddSwaggerGen();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseSerilogRequestLogging();
// HEAD becomes GET before routing chooses an endpoint, so routing is placed here rather than implicitly first.
app.UseHeadAsGet();
app.UseRouting();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseArticleApi();
app.UseSwagger();
app.UseSwaggerUI();
app.MapImportEndpoints();
app.MapArticleApi();
app.MapHealthEndpoints();
app.LogSwaggerAddressOnStart();

// `ArticleApi openapi <file>`: writes the OpenAPI document and exits (the tests generate their clients from it).
if (args is ["openapi", var documentPath])
{
    return await OpenApiCommand.WriteAsync(app, documentPath);
}

return await app.RunServiceAsync();

// WebApplicationFactory<Program> in the tests needs the entry point type to be public.
public partial class Program;
