using System.Globalization;
using ArticleApi.Generator;

// generate <folder> <count> [--seed N] [--body-words N]: writes <count> front-matter files that look like the real
// corpus, each with a markdown body of N words when asked (the real corpus's bodies are mostly empty; this is the
// worst case for indexing the body).
if (args.Length < 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var count) || count < 1)
{
    Console.Error.WriteLine("usage: ArticleApi.Generator <folder> <count> [--seed N] [--body-words N]");
    return 2;
}

var seed = Option("--seed") ?? 42;
var bodyWords = Option("--body-words") ?? 0;
var started = System.Diagnostics.Stopwatch.StartNew();
var written = new CorpusGenerator(seed, bodyWords).Write(args[0], count);
Console.WriteLine($"wrote {written} files to {Path.GetFullPath(args[0])} in {started.Elapsed.TotalSeconds:F1} s (seed {seed})");
return 0;

int? Option(string name) =>
    Array.IndexOf(args, name) is var at and >= 2 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
