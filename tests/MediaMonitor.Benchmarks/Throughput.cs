using System.Diagnostics;
using MediaMonitor.Matching;

namespace MediaMonitor.Benchmarks;

/// <summary>
/// Articles per second and per CPU-second over the whole corpus, one thread and all cores, for each watchlist
/// size; with the matcher's compile time and memory. Each figure is the best of several passes after a warm-up
/// pass, so JIT and first-touch costs are left out, as in the Lucene Monitor figures it is compared with.
/// </summary>
public static class Throughput
{
    public const int Passes = 3;

    public static void Run(IEnumerable<string> sizes)
    {
        var articles = BenchData.Articles();
        var texts = articles.Select(a => new ArticleText(a.Title, a.Body, a.Lang)).ToArray();
        Console.WriteLine($"{texts.Length:N0} articles, {Environment.ProcessorCount} cores, {Passes} passes after a warm-up, best kept.");
        Console.WriteLine();
        Console.WriteLine("| watchlists | terms | compile s | matcher MB | 1 thread art/s | 1 thread art/CPU-s | µs/article | all cores art/s | all cores art/CPU-s | matches | hits |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Matcher? matcher = null;
        foreach (var size in sizes)
        {
            var definitions = BenchData.Watchlists(size);
            matcher = null;   // the previous size's matcher must not count in this one's memory
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var compile = Stopwatch.StartNew();
            matcher = Matcher.Compile(definitions);
            compile.Stop();
            var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;

            var (matches, hits) = Count(matcher, texts);
            var single = Best(matcher, texts, threads: 1);
            var all = Best(matcher, texts, threads: Environment.ProcessorCount);
            Console.WriteLine($"| {size} | {matcher.TermCount:N0} | {compile.Elapsed.TotalSeconds:F2} | {bytes / 1048576.0:F1} | " +
                              $"{single.PerSecond:N0} | {single.PerCpuSecond:N0} | {1e6 / single.PerCpuSecond:F0} | " +
                              $"{all.PerSecond:N0} | {all.PerCpuSecond:N0} | {matches:N0} | {hits:N0} |");
        }
    }

    private sealed record Rate(double PerSecond, double PerCpuSecond);

    private static (int Matches, int Hits) Count(Matcher matcher, ArticleText[] texts)
    {
        int matches = 0, hits = 0;
        foreach (var t in texts)
        {
            var result = matcher.Match(t);
            matches += result.Count;
            foreach (var m in result) hits += m.Hits.Count;
        }
        return (matches, hits);
    }

    private static Rate Best(Matcher matcher, ArticleText[] texts, int threads)
    {
        Rate? best = null;
        for (var pass = 0; pass <= Passes; pass++)
        {
            GC.Collect();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => matcher.Match(texts[i]));
            clock.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var rate = new Rate(texts.Length / clock.Elapsed.TotalSeconds, texts.Length / cpu);
            if (pass > 0 && (best is null || rate.PerCpuSecond > best.PerCpuSecond)) best = rate;
        }
        return best!;
    }
}
