using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ArticleApi.Model;

/// <summary>
/// Stores an instant as UTC milliseconds since the Unix epoch: an integer column sorts and compares correctly
/// on every provider (EF Core on SQLite cannot ORDER BY a DateTimeOffset), and keyset cursors stay small.
/// </summary>
internal sealed class UnixMillisecondsConverter()
    : ValueConverter<DateTimeOffset, long>(
        value => value.ToUnixTimeMilliseconds(),
        value => DateTimeOffset.FromUnixTimeMilliseconds(value));
