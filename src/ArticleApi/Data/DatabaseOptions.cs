using System.ComponentModel.DataAnnotations;

namespace ArticleApi.Data;

/// <summary>The <c>Database</c> section. The connection string itself is <c>ConnectionStrings:Articles</c>.</summary>
internal sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "Articles";

    /// <summary>The database engine. Only <c>Sqlite</c> is built in today; the provider-specific code lives in <c>Data/Sqlite</c>.</summary>
    [Required]
    [RegularExpression("^Sqlite$", ErrorMessage = "Database:Provider must be Sqlite.")]
    public string Provider { get; set; } = "Sqlite";
}
