using System.Runtime;

namespace ArticleApi.Import;

/// <summary>
/// Once a pass has written its changes, its whole-folder state (the scan's paths, the ids, the comparison: about 70 MB
/// for 1,000,000 files, much of it in the large-object heap) is garbage; but what comes next allocates little (the index
/// build of a cold load runs inside SQLite, a service goes back to serving), so the collector would keep that memory.
/// One compacting collection after a large folder gives it back to the system: a cold import of 1,000,000 files peaked
/// at 436,672 KB RSS without it and 404,932 KB with it (BENCHMARKS.md, Import).
/// </summary>
internal static class FolderMemory
{
    /// <summary>Below this many files the state is a few MB, not worth a full collection.</summary>
    public const int LargeFolder = 100_000;

    public static void GiveBackAfter(int filesSeen)
    {
        if (filesSeen < LargeFolder)
        {
            return;
        }

        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
