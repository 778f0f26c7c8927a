using MediaMonitor.Matching;

namespace MediaMonitor.Benchmarks;

/// <summary>
/// Where the benchmark inputs are: the shared corpus and watchlist files beside the repository (../shared), or
/// folders named by MEDIAMONITOR_CORPUS and MEDIAMONITOR_BENCH. Read by path, never copied into the repository.
/// </summary>
public static class BenchData
{
    public static readonly string[] Sizes = ["core", "1k", "10k", "100k"];

    public static string CorpusFolder => Environment.GetEnvironmentVariable("MEDIAMONITOR_CORPUS") ?? Shared("corpus");

    public static string WatchlistFolder => Environment.GetEnvironmentVariable("MEDIAMONITOR_BENCH") ?? Shared("bench");

    public static CorpusFormat.CorpusArticle[] Articles() =>
        Directory.EnumerateFiles(CorpusFolder, "*.jsonl").Order(StringComparer.Ordinal).SelectMany(CorpusFormat.ReadCorpus).ToArray();

    public static IReadOnlyList<WatchlistDefinition> Watchlists(string size) =>
        CorpusFormat.ReadWatchlists(Path.Combine(WatchlistFolder, $"watchlists-{size}.json"));

    private static string Shared(string folder)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", folder);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"No shared/{folder} folder above {AppContext.BaseDirectory}; set MEDIAMONITOR_CORPUS and MEDIAMONITOR_BENCH.");
    }
}
