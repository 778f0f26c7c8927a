using BenchmarkDotNet.Attributes;
using MediaMonitor.Matching;

namespace MediaMonitor.Benchmarks;

/// <summary>The cost of matching one pass over the corpus, per watchlist size, with allocations (BenchmarkDotNet).</summary>
[MemoryDiagnoser]
public class MatchPerArticle
{
    private ArticleText[] texts = [];
    private Matcher matcher = null!;

    [Params("core", "1k", "10k", "100k")]
    public string Watchlists { get; set; } = "core";

    [GlobalSetup]
    public void Setup()
    {
        texts = BenchData.Articles().Select(a => new ArticleText(a.Title, a.Body, a.Lang)).ToArray();
        matcher = Matcher.Compile(BenchData.Watchlists(Watchlists));
    }

    [Benchmark(OperationsPerInvoke = 6000)]
    public int MatchCorpus()
    {
        var matches = 0;
        foreach (var t in texts) matches += matcher.Match(t).Count;
        return matches;
    }
}
