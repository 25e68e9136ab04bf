using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ArticleApi.Benchmarks -- --filter '*'  (BenchmarkDotNet's own options follow --)
BenchmarkSwitcher.FromAssembly(typeof(ArticleApi.Benchmarks.FacetCountingBenchmarks).Assembly).Run(args);
