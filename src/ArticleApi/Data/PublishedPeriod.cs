using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace ArticleApi.Data;

/// <summary>
/// The UTC calendar month (<c>2025-06</c>) or year (<c>2025</c>) of an instant, as SQL functions for LINQ queries, so a
/// count per period groups in the database. Instants are stored as Unix milliseconds on every engine
/// (<c>Model/UnixMillisecondsConverter</c>); each engine's context maps these with <see cref="Map"/> and its own SQL
/// (<c>Sqlite/SqliteArticleDbContext</c>, <c>Postgres/PostgresArticleDbContext</c>). Zero-padded keys sort as time does.
/// </summary>
internal static class PublishedPeriod
{
    /// <summary><c>yyyy-MM</c> of <paramref name="instant"/> in UTC; only in a LINQ query, never called.</summary>
    public static string Month(DateTimeOffset? instant) =>
        throw new InvalidOperationException($"{nameof(PublishedPeriod)}.{nameof(Month)} is translated to SQL; it is not run in .NET ({instant}).");

    /// <summary><c>yyyy</c> of <paramref name="instant"/> in UTC; only in a LINQ query, never called.</summary>
    public static string Year(DateTimeOffset? instant) =>
        throw new InvalidOperationException($"{nameof(PublishedPeriod)}.{nameof(Year)} is translated to SQL; it is not run in .NET ({instant}).");

    /// <summary>
    /// Maps <see cref="Month"/> and <see cref="Year"/> to what <paramref name="format"/> builds from the seconds since the
    /// epoch (typed by the engine's <paramref name="number"/>) and whether a month (else a year) is asked for.
    /// </summary>
    public static void Map(ModelBuilder modelBuilder, RelationalTypeMapping number, Func<SqlExpression, bool, SqlExpression> format)
    {
        modelBuilder.HasDbFunction(typeof(PublishedPeriod).GetMethod(nameof(Month))!).HasTranslation(args => format(Seconds(args[0], number), true));
        modelBuilder.HasDbFunction(typeof(PublishedPeriod).GetMethod(nameof(Year))!).HasTranslation(args => format(Seconds(args[0], number), false));
    }

    /// <summary>A SQL text that is a constant of ours, never user input.</summary>
    public static SqlFragmentExpression Literal(string sql) => new(sql);

    // Milliseconds / 1000.0: a fraction of a second keeps an instant before 1970 in its own month.
    private static SqlBinaryExpression Seconds(SqlExpression milliseconds, RelationalTypeMapping number) =>
        new(ExpressionType.Divide, milliseconds, Literal("1000.0"), typeof(double), number);
}
