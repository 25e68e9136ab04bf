using System.ComponentModel.DataAnnotations;

namespace ArticleApi.Import;

/// <summary>The <c>Import</c> section: where the article files are and how the worker follows them.</summary>
internal sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Run the import worker in this process (false for read-only API replicas).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The folder of front-matter files, relative to the working directory or absolute.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SourceDirectory { get; set; } = "samples";

    /// <summary>Re-import when files change (FileSystemWatcher, debounced).</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long the watcher waits after the last change before a pass.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Import:WatchDebounce must be between 00:00:00 and 01:00:00.")]
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A full re-scan on this interval as a safety net for missed file events; 00:00:00 turns it off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Import:RescanInterval must be between 00:00:00 and 7.00:00:00.")]
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Files over this size fail without being parsed.</summary>
    [Range(1, 1L << 30, ErrorMessage = "Import:MaxFileBytes must be between 1 and 1073741824.")]
    public long MaxFileBytes { get; set; } = 1024 * 1024;

    /// <summary>Glob patterns, relative to the source folder, of files and folders to leave out (for example <c>**/_people/**</c>).</summary>
    public string[] Exclude { get; set; } = [];

    /// <summary>
    /// Follow symbolic links to files and folders inside the source folder (never outside it, never in a loop). Off by
    /// default: links are reported as skipped, so nothing outside the folder can be imported or served.
    /// </summary>
    public bool FollowSymlinks { get; set; }

    /// <summary>
    /// The database remembers the folder it mirrors; a pass over another folder is refused (it would delete every article
    /// of the first) unless this is true, for a deliberate switch.
    /// </summary>
    public bool AllowSourceChange { get; set; }

    /// <summary>The key <c>POST /import</c> requires in the <c>X-Admin-Key</c> header; empty turns the endpoint off.</summary>
    public string AdminKey { get; set; } = "";

    /// <summary>However often files change or passes are asked for, a pass starts at most this long after the first trigger.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Import:MaxTriggerDelay must be between 00:00:00 and 01:00:00.")]
    public TimeSpan MaxTriggerDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Files written per transaction: a crash leaves the database as before or after a batch.</summary>
    [Range(1, 100_000, ErrorMessage = "Import:BatchSize must be between 1 and 100000.")]
    public int BatchSize { get; set; } = 500;
}
