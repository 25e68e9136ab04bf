using ArticleApi;
using ArticleApi.Http;
using ArticleApi.Import;
using Serilog;

// `ArticleApi import <folder>` runs one pass and exits; anything else starts the web service.
if (args.Length > 0 && args[0] == "import")
{
    return await ImportCommand.RunAsync(args[1..]);
}

var builder = ArticleApiHost.CreateBuilder(args);
builder.Services.AddArticleImport(builder.Configuration);
builder.Services.AddArticleQueries(builder.Configuration);
builder.Services.AddEndpointsApiExplorer();
builder.Services.AddSwaggerGen();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseSerilogRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseArticleApi();
app.UseSwagger();
app.UseSwaggerUI();
app.MapImportEndpoints();
app.MapArticleApi();

await app.RunAsync();
return 0;

// WebApplicationFactory<Program> in the tests needs the entry point type to be public.
public partial class Program;
