using ArticleApi.Data;
using ArticleApi.Data.Sqlite;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Data.Sqlite;

/// <summary>The statements SQLite keeps prepared per connection are bounded, whatever shapes callers ask for.</summary>
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
            await using var statement = context.Database.GetDbConnection().CreateCommand();
            statement.CommandText = $"SELECT @p + {shape} AS \"Value\"";
            var parameter = statement.CreateParameter();
            parameter.ParameterName = "@p";
            parameter.Value = 1000L;
            statement.Parameters.Add(parameter);
            answers.AddRange(await reads.QueryAsync(context, statement, reader => reader.GetInt64(0), CancellationToken.None));
        }

        Assert.Equal(Enumerable.Range(0, shapes).Select(shape => 1000L + shape), answers);
        Assert.Equal(50, reads.PreparedStatements);
    }
}
