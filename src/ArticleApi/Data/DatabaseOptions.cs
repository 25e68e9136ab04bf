using System.ComponentModel.DataAnnotations;
using ArticleApi.Model;

namespace ArticleApi.Data;

/// <summary>The <c>Database</c> section. The connection string itself is <c>ConnectionStrings:Articles</c>.</summary>
internal sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "Articles";

    public const string Sqlite = "Sqlite";

    public const string PostgreSql = "PostgreSql";

    /// <summary>
    /// The database engine: <c>Sqlite</c> (one process, a file) or <c>PostgreSql</c> (a shared server for several
    /// replicas). What differs between them lives in <c>Data/Sqlite</c> and <c>Data/Postgres</c>.
    /// </summary>
    [Required]
    [RegularExpression("^(Sqlite|PostgreSql)$", ErrorMessage = "Database:Provider must be Sqlite or PostgreSql.")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// SQLite only: how much of the database file each read connection maps into memory (MiB; 0 reads every page with
    /// a system call). A mapped page is read in place from the OS page cache instead of copied into the connection's
    /// own cache. SQLite caps it at its build's maximum (2 GiB for e_sqlite3); a larger file is read past that with
    /// system calls. A mapped page counts in the process's resident size once per connection that read it, but belongs
    /// to the OS page cache, which holds it once either way (RSS 6.7 GB, PSS 2.0 GB at 1,000,000 articles: BENCHMARKS.md).
    /// </summary>
    [Range(0, 1 << 20, ErrorMessage = "Database:SqliteMemoryMapMiB must be between 0 and 1048576.")]
    public int SqliteMemoryMapMiB { get; set; } = 2048;
}
