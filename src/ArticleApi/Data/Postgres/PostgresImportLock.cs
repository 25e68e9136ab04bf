using Npgsql;

namespace ArticleApi.Data.Postgres;

/// <summary>
/// A session advisory lock held on a connection of its own for the whole pass: a second importer on the same database
/// cannot take it and skips its pass. If the importer dies, the server ends its session and the lock goes with it.
/// </summary>
internal sealed class PostgresImportLock(string connectionString) : IImportLock
{
    /// <summary>The lock's key, the same in every process ("ArtiImpt").</summary>
    public const long Key = 0x4172_7469_496D_7074;

    public async Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Key})", connection);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new Held(connection);
            }

            await connection.DisposeAsync();
            return null;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", connection);
                await command.ExecuteScalarAsync();
            }
            finally
            {
                // Closing also ends the lock should the unlock have failed: the pool resets the session (DISCARD ALL).
                await connection.DisposeAsync();
            }
        }
    }
}
