using ArticleApi.Data;
using ArticleApi.Data.Sqlite;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Data.Sqlite;

/// <summary>The read connections SQLite keeps: bounded in number and in statements, whatever callers ask for, each with its larger page cache.</summary>
public sealed class SqlitePreparedReadsTests
{
    [SkippableFact]
    public async Task AConnectionKeepsNoMoreStatementsThanItsBoundAndStillAnswersEachOne()
    {
        Skip.If(TestDatabase.IsPostgres, "SQLite's prepared statements: PostgreSQL's are Npgsql's");
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        var reads = (SqlitePreparedReads)factory.Services.GetRequiredService<IPreparedReads>();
        await using var context = await factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();
        var shapes = SqlitePreparedReads.StatementsPerConnection + 50;

        var answers = new List<long>();
        for (var shape = 0; shape < shapes; shape++)
        {
            // A different text each time, as distinct query shapes are; one request at a time, so one connection.
            await using var statement = Statement(context, $"SELECT @p + {shape} AS \"Value\"", 1000L);
            answers.AddRange(await reads.QueryAsync(context, statement, reader => reader.GetInt64(0), CancellationToken.None));
        }

        Assert.Equal(Enumerable.Range(0, shapes).Select(shape => 1000L + shape), answers);
        Assert.Equal(50, reads.PreparedStatements);
    }

    [SkippableFact]
    public async Task NoMoreConnectionsOpenThanTheBoundWhateverTheRequestsAtOnce()
    {
        Skip.If(TestDatabase.IsPostgres, "SQLite's own read connections: PostgreSQL's are the context's");
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        var reads = (SqlitePreparedReads)factory.Services.GetRequiredService<IPreparedReads>();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>();
        var callers = 4 * SqlitePreparedReads.Connections;

        // Each caller on a thread of its own, all starting together, each statement counting for a while: without the
        // bound every caller would open a connection of its own (SQLite runs a statement on the caller's thread).
        using var start = new Barrier(callers);
        var threads = Enumerable.Range(0, callers).Select(caller => Task.Factory.StartNew(() =>
        {
            using var context = contexts.CreateDbContext();
            using var statement = Statement(context, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) SELECT count(*) + @p FROM n", caller);
            start.SignalAndWait();
            return reads.QueryAsync(context, statement, reader => reader.GetInt64(0), CancellationToken.None).GetAwaiter().GetResult().Single();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        var answers = await Task.WhenAll(threads);

        Assert.Equal(Enumerable.Range(0, callers).Select(caller => 200000L + caller), answers);
        // Every connection opened is idle again now: none was opened beyond the bound.
        Assert.InRange(reads.IdleConnections, 1, SqlitePreparedReads.Connections);
    }

    [SkippableFact]
    public async Task AReadConnectionHasItsLargerPageCache()
    {
        Skip.If(TestDatabase.IsPostgres, "SQLite's page cache");
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        var reads = factory.Services.GetRequiredService<IPreparedReads>();
        await using var context = await factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();
        await using var statement = Statement(context, "SELECT cache_size + @p FROM pragma_cache_size", 0);

        var cacheSize = await reads.QueryAsync(context, statement, reader => reader.GetInt64(0), CancellationToken.None);

        Assert.Equal([-8192L], cacheSize);
    }

    [SkippableTheory]
    [InlineData(null, 2147418112L)] // the default, 2,048 MiB, capped by e_sqlite3 at its maximum (0x7fff0000)
    [InlineData("64", 64L << 20)]
    [InlineData("0", 0L)]
    public async Task AReadConnectionMapsTheFileAsConfigured(string? mebibytes, long expected)
    {
        Skip.If(TestDatabase.IsPostgres, "SQLite's memory map");
        await using var sample = new SampleApiFixture();
        await sample.InitializeAsync();
        await using var factory = mebibytes is null ? sample : sample.WithWebHostBuilder(builder => builder.UseSetting("Database:SqliteMemoryMapMiB", mebibytes));
        var reads = factory.Services.GetRequiredService<IPreparedReads>();
        await using var context = await factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();
        await using var statement = Statement(context, "PRAGMA mmap_size", 0);

        var mapped = await reads.QueryAsync(context, statement, reader => reader.GetInt64(0), CancellationToken.None);

        Assert.Equal([expected], mapped);
    }

    private static System.Data.Common.DbCommand Statement(ArticleDbContext context, string sql, long value)
    {
        var statement = context.Database.GetDbConnection().CreateCommand();
        statement.CommandText = sql;
        var parameter = statement.CreateParameter();
        parameter.ParameterName = "@p";
        parameter.Value = value;
        statement.Parameters.Add(parameter);
        return statement;
    }
}
