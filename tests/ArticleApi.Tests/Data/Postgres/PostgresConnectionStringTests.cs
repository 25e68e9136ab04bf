using ArticleApi.Data.Postgres;
using Npgsql;

namespace ArticleApi.Tests.Data.Postgres;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void StatementsAreAutoPreparedUnlessTheOperatorSaysOtherwise()
    {
        var result = new NpgsqlConnectionStringBuilder(PostgresConnectionString.WithDefaults("Host=db;Database=articles;Username=api;Password=secret"));

        Assert.Equal(64, result.MaxAutoPrepare);
        Assert.Equal(("db", "articles", "api", "secret"), (result.Host, result.Database, result.Username, result.Password));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;maxautoprepare=10", 10)]
    [InlineData("Host=db;MAX AUTO PREPARE=200", 200)]
    public void AnOperatorsOwnSettingIsKept(string connectionString, int expected)
    {
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PostgresConnectionString.WithDefaults(connectionString)).MaxAutoPrepare);
    }
}
