using System.Net;
using ArticleApi.Data;
using ArticleApi.Data.Postgres;
using ArticleApi.Import;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArticleApi.Tests.Data.Postgres;

/// <summary>What only PostgreSQL does: replicas waiting for the importer's schema, and the import lock between importers.</summary>
public sealed class PostgresProviderTests
{
    /// <summary>The PostgreSQL migrations in the assembly: each new one adds to what a waiting replica reports.</summary>
    private static readonly int MigrationCount = typeof(PostgresArticleDbContext).Assembly.GetTypes()
        .Count(t => t.Namespace == typeof(ArticleApi.Data.Postgres.Migrations.InitialCreate).Namespace && t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)));

    [PostgresFact]
    public async Task AReplicaIsNotReadyUntilTheImporterHasPreparedTheSchema()
    {
        using var replica = new ReplicaFactory();
        using var client = replica.CreateClient();

        using (var before = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
            Assert.Contains($"the schema is not prepared (0 of {MigrationCount} migrations applied)", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // What the importer process does at its start.
        await using (var context = await replica.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync())
        {
            await new PostgresSchema(Options.Create(new SearchOptions()), NullLogger<PostgresSchema>.Instance).EnsureAsync(context, CancellationToken.None);
        }

        using var after = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [PostgresFact]
    public async Task AReplicaStartedBeforeTheImporterCreatedTheDatabaseWaitsWithoutAnError()
    {
        using var replica = new ReplicaFactory();
        TestDatabase.DropPostgresDatabase(replica.ConnectionString);
        var errors = new List<string>();
        var options = new DbContextOptionsBuilder<PostgresArticleDbContext>()
            .UseNpgsql(replica.ConnectionString).LogTo(errors.Add, LogLevel.Error).Options;
        await using (var context = new PostgresArticleDbContext(options))
        {
            // What a waiting replica's readiness asks: a missing database is a wait like a missing schema, not an error.
            var schema = new PostgresSchema(Options.Create(new SearchOptions()), NullLogger<PostgresSchema>.Instance);
            Assert.Equal(new SchemaStatus(0, MigrationCount, DatabaseExists: false), await SchemaStatus.ReadAsync(context, schema, CancellationToken.None));
            Assert.Empty(errors);
        }

        using var client = replica.CreateClient();
        using (var before = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
            Assert.Contains("{\"name\":\"database\",\"status\":\"Degraded\",\"description\":\"the database does not exist yet: the importer creates it\"}",
                await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // What the importer process does at its start: it creates the database, then the schema.
        await using (var context = await replica.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync())
        {
            await new PostgresSchema(Options.Create(new SearchOptions()), NullLogger<PostgresSchema>.Instance).EnsureAsync(context, CancellationToken.None);
        }

        using var after = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [PostgresFact]
    public async Task ASecondImporterSkipsItsPassWhileAnotherHoldsTheImportLock()
    {
        using var factory = new ArticleApiFactory();
        var coordinator = factory.Services.GetRequiredService<ImportCoordinator>();

        // Another importer process: its own session on the same database.
        await using (var other = await new PostgresImportLock(factory.ConnectionString).TryAcquireAsync(CancellationToken.None))
        {
            Assert.NotNull(other);
            Assert.Null(await new PostgresImportLock(factory.ConnectionString).TryAcquireAsync(CancellationToken.None));
            Assert.Null(await coordinator.RunPassAsync(CancellationToken.None));
            using var scope = factory.Services.CreateScope();
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ArticleDbContext>().Articles.CountAsync());
        }

        var report = await factory.ImportAsync();

        Assert.Equal(35, report.Counts.Added);
    }

    [PostgresFact]
    public async Task MigratingACurrentSchemaKeepsTheData()
    {
        using var factory = new ArticleApiFactory();
        await factory.ImportAsync();

        await using (var context = await factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync())
        {
            await new PostgresSchema(Options.Create(new SearchOptions()), NullLogger<PostgresSchema>.Instance).EnsureAsync(context, CancellationToken.None);
            Assert.True((await SchemaStatus.ReadAsync(context, new PostgresSchema(Options.Create(new SearchOptions()), NullLogger<PostgresSchema>.Instance), CancellationToken.None)).IsCurrent);
            Assert.Equal(35, await context.Articles.CountAsync());
        }
    }

    [PostgresFact]
    public async Task PreparingAFreshDatabaseLogsNoError()
    {
        using var replica = new ReplicaFactory();
        var errors = new List<string>();
        var options = new DbContextOptionsBuilder<PostgresArticleDbContext>()
            .UseNpgsql(replica.ConnectionString).LogTo(errors.Add, LogLevel.Error).Options;
        await using var context = new PostgresArticleDbContext(options);
        var schema = new PostgresSchema(Options.Create(new SearchOptions()), NullLogger<PostgresSchema>.Instance);

        // What a waiting replica's readiness asks, then what the importer does at its start.
        Assert.Equal(new SchemaStatus(0, MigrationCount), await SchemaStatus.ReadAsync(context, schema, CancellationToken.None));
        await schema.EnsureAsync(context, CancellationToken.None);

        Assert.Equal(new SchemaStatus(MigrationCount, MigrationCount), await SchemaStatus.ReadAsync(context, schema, CancellationToken.None));
        Assert.Empty(errors);
    }

    private sealed class ReplicaFactory : ArticleApiFactory
    {
        protected override bool PreparesSchema => false;
    }
}
