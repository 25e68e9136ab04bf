using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArticleApi.Data;

/// <summary>
/// <c>ArticleApi migrate</c>: applies the configured database's migrations and exits (0 when the schema is current,
/// 1 when it cannot be prepared). The importer does the same at its start; this is for operators who prepare a shared
/// PostgreSQL database before any process runs.
/// </summary>
internal static class MigrateCommand
{
#pragma warning disable CA1031 // Whatever stops the migration ends the process with one clear line and exit code 1.
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = ArticleApiHost.CreateBuilder(args);
        await using var app = builder.Build();
        try
        {
            var provider = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
            await using var context = await app.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();
            var schema = app.Services.GetRequiredService<IDatabaseSchema>();
            await schema.EnsureAsync(context, CancellationToken.None);
            var status = await SchemaStatus.ReadAsync(context, schema, CancellationToken.None);
            await Console.Out.WriteLineAsync($"{provider}: the schema is current ({status.Applied} of {status.Expected} migrations applied)");
            return 0;
        }
        catch (Exception exception)
        {
            await Console.Error.WriteLineAsync("ArticleApi cannot migrate: " + exception.Message);
            return 1;
        }
    }
#pragma warning restore CA1031
}
