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
}
