using System.Globalization;
using ArticleApi.Generator;

// generate <folder> <count> [--seed N]: writes <count> front-matter files that look like the real corpus.
if (args.Length < 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var count) || count < 1)
{
    Console.Error.WriteLine("usage: ArticleApi.Generator <folder> <count> [--seed N]");
    return 2;
}

var seed = args.Length >= 4 && args[2] == "--seed" ? int.Parse(args[3], CultureInfo.InvariantCulture) : 42;
var started = System.Diagnostics.Stopwatch.StartNew();
var written = new CorpusGenerator(seed).Write(args[0], count);
Console.WriteLine($"wrote {written} files to {Path.GetFullPath(args[0])} in {started.Elapsed.TotalSeconds:F1} s (seed {seed})");
return 0;
