using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MediaMonitor.Ingestion;
using MediaMonitor.Spikes;

namespace MediaMonitor.Benchmarks;

/// <summary>
/// What spike detection costs per article: <see cref="SpikeWatch.Count"/> (count the match, prune as time moves on,
/// test the window) over a busy watchlist's watch, every quarter hour of its 29 retained days holding matches, for the
/// rule shapes that cost least and most: the same hour over 7 days, the same day over 28 days (2,688 slot lookups),
/// a quarter hour against the preceding 28 days (a walk of every slot held). Steady volume with a daily rhythm, so every
/// article is tested and none fires. Pure code, no database: the daemon adds, per batch, the load and store of the
/// watch's document, whose size is shown with its serialization time.
/// </summary>
public static class SpikeEvaluation
{
    private const int Articles = 200_000;
    private const int Runs = 3;
    private static readonly Guid WatchlistId = Guid.NewGuid();
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Name, SpikeRule Rule)[] Rules =
    [
        ("sameHours 7 d, 1 h window", new(TimeSpan.FromHours(1), TimeSpan.FromDays(7), SpikeCompare.SameHours, 1e-9, 5, TimeSpan.FromHours(6))),
        ("sameHours 28 d, 24 h window", new(TimeSpan.FromHours(24), TimeSpan.FromDays(28), SpikeCompare.SameHours, 1e-9, 5, TimeSpan.FromDays(1))),
        ("preceding 28 d, 15 min window", new(TimeSpan.FromMinutes(15), TimeSpan.FromDays(28), SpikeCompare.Preceding, 1e-9, 5, TimeSpan.FromHours(6))),
    ];

    public static void Run()
    {
        Console.WriteLine($"Spike evaluation per article: {Articles:N0} live matches a run, after 30 days of history; {Runs} runs.");
        Console.WriteLine("| rule | ns per article (runs) | median | spread (max-min)/median | slots held | document bytes | serialize + deserialize µs |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (name, rule) in Rules)
        {
            var history = Stream(Start, 30 * 24 * 20).ToList();
            var next = Stream(Start.AddDays(30), Articles).ToList();
            // A warm-up run (JIT, tiering), then the measured ones, each on a fresh watch with the same history.
            Measure(rule, history, next);
            var runs = Enumerable.Range(0, Runs).Select(_ => Measure(rule, history, next)).ToList();
            var sorted = runs.Select(r => r.NsPerArticle).Order().ToList();
            var median = sorted[Runs / 2];
            var watch = runs[^1].Watch;
            var (bytes, roundTrip) = Document(watch);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {string.Join(" / ", runs.Select(r => r.NsPerArticle.ToString("0", CultureInfo.InvariantCulture)))} | {median:0} | {(sorted[^1] - sorted[0]) / median:P1} | {watch.Slots.Count:N0} | {bytes:N0} | {roundTrip:0} |"));
        }
    }

    private static (double NsPerArticle, SpikeWatch Watch) Measure(SpikeRule rule, List<ArticleMatched> history, List<ArticleMatched> next)
    {
        var watch = new SpikeWatch { Id = WatchlistId, Rule = rule, RuleVersion = 2 };
        long sequence = 0;
        foreach (var m in history) watch.Count(m, ++sequence);
        var fired = 0;
        var clock = Stopwatch.StartNew();
        foreach (var m in next) if (watch.Count(m, ++sequence) is not null) fired++;
        clock.Stop();
        if (fired > 0) throw new InvalidOperationException($"{fired} spikes fired on steady volume: the benchmark measures the wrong path.");
        return (clock.Elapsed.TotalNanoseconds / next.Count, watch);
    }

    /// <summary>Matches at a daily rhythm (30 an hour by day, 10 by night), each matched as published.</summary>
    private static IEnumerable<ArticleMatched> Stream(DateTimeOffset from, int count)
    {
        var t = from;
        for (var i = 0; i < count; i++)
        {
            var perHour = t.Hour is >= 8 and < 20 ? 30 : 10;
            t = t.AddSeconds(3600.0 / perHour);
            yield return new ArticleMatched(Guid.NewGuid(), WatchlistId, 2, "Busy", [], t, PublishedAt: t);
        }
    }

    private static (int Bytes, double MicrosecondsRoundTrip) Document(SpikeWatch watch)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var json = JsonSerializer.SerializeToUtf8Bytes(watch, options);
        const int times = 200;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < times; i++) JsonSerializer.Deserialize<SpikeWatch>(JsonSerializer.SerializeToUtf8Bytes(watch, options), options);
        return (json.Length, clock.Elapsed.TotalMicroseconds / times);
    }
}
