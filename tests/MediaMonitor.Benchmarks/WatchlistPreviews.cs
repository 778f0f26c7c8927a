using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MediaMonitor.Ingestion;
using MediaMonitor.Matching;
using MediaMonitor.Matching.Explaining;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMonitor.Benchmarks;

/// <summary>
/// A watchlist preview over 100,000 stored articles (the corpus's 6,000, each stored again under a new title until
/// there are 100,000, taken in over one year), through HTTP on the real service: a one-month range and everything,
/// three rounds each. Then explain latency for a 5,000-word article, through HTTP and the explainer alone.
/// </summary>
public static class WatchlistPreviews
{
    public const int Stored = 100_000;
    private const int Rounds = 3;

    private static readonly DateTimeOffset YearStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly object[] Terms =
    [
        new { phrase = "انسحاب القوات" }, new { phrase = "هجوم صاروخي" }, new { phrase = "طائرة بدون طيار" }, new { phrase = "داعش" },
        new { phrase = "troop withdrawal" }, new { phrase = "rocket attack" }, new { phrase = "drone strike" }, new { phrase = "Islamic State" },
    ];

    public static async Task RunAsync()
    {
        var corpus = BenchData.Articles();
        await using var bench = await BenchHost.StartAsync();
        var store = bench.Host.Services.GetRequiredService<IDocumentStore>();
        var load = Stopwatch.StartNew();
        await StoreAsync(store, corpus);
        Console.WriteLine($"Stored {Stored:N0} articles ({corpus.Length:N0} corpus articles, repeated) in {load.Elapsed.TotalSeconds:F0} s.");

        var client = bench.Client();
        client.Timeout = TimeSpan.FromMinutes(5);
        var month = new { terms = Terms, from = YearStart.AddMonths(6), to = YearStart.AddMonths(7) };
        var all = new { terms = Terms, to = YearStart.AddYears(1) };
        var rule = new { rule = "(\"انسحاب القوات\" OR \"troop withdrawal\") NOT (تدريب OR drill)", to = YearStart.AddYears(1) };
        await PreviewAsync(client, month);
        for (var round = 1; round <= Rounds; round++)
        {
            Console.WriteLine($"Round {round}:");
            foreach (var (name, request) in new (string, object)[] { ("one month, 8 terms", month), ("everything, 8 terms", all), ("everything, a rule", rule) })
            {
                var clock = Stopwatch.StartNew();
                var answer = await PreviewAsync(client, request);
                var seconds = clock.Elapsed.TotalSeconds;
                var scanned = answer["scanned"]!.GetValue<int>();
                Console.WriteLine($"  preview {name,-22} {seconds,6:F2} s  scanned {scanned,7:N0}  {scanned / seconds,8:N0} articles/s  " +
                                  $"matched {answer["total"]!.GetValue<int>(),6:N0}  near misses {answer["nearMisses"]!.AsArray().Count}  complete {answer["complete"]}");
            }
        }

        await ExplainAsync(client, corpus);
    }

    private static async Task<JsonNode> PreviewAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync("/api/watchlists/preview", request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Stored as the Article view rows intake writes (the preview reads nothing else), by Marten's COPY.</summary>
    private static async Task StoreAsync(IDocumentStore store, CorpusFormat.CorpusArticle[] corpus)
    {
        var step = TimeSpan.FromDays(365).Ticks / Stored;
        const int chunk = 5_000;
        for (var from = 0; from < Stored; from += chunk)
        {
            var views = Enumerable.Range(from, Math.Min(chunk, Stored - from)).Select(i =>
            {
                var source = corpus[i % corpus.Length];
                var at = YearStart.AddTicks(step * i);
                var copy = i / corpus.Length;
                var title = copy == 0 ? source.Title : $"{source.Title} ({copy})";
                return new ArticleView
                {
                    Id = Guid.CreateVersion7(at), Title = title, Body = source.Body, Lang = source.Lang ?? "en", Source = $"source-{i % 20}",
                    IngestedAt = at, ContentHash = ContentFingerprint.Of(title, source.Body) + $":{i}",
                };
            }).ToList();
            await store.BulkInsertDocumentsAsync(views);
        }
    }

    /// <summary>A 5,000-word Arabic article (corpus bodies one after another) against the eight terms: explained over
    /// HTTP and by the explainer alone, median and p95 of 20 after 3 warm-ups, three rounds.</summary>
    private static async Task ExplainAsync(HttpClient client, CorpusFormat.CorpusArticle[] corpus)
    {
        var words = corpus.Where(a => a.Lang == "ar").SelectMany(a => a.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Take(5_000);
        var text = string.Join(' ', words);
        var terms = new[] { "انسحاب القوات", "هجوم صاروخي", "طائرة بدون طيار", "داعش", "troop withdrawal", "rocket attack", "drone strike", "Islamic State" }
            .Select(p => new TermDefinition(p)).ToArray();
        var request = new { text, lang = "ar", terms = Terms };
        for (var round = 1; round <= Rounds; round++)
        {
            long bytes = 0;
            var http = await TimeAsync(async () =>
            {
                using var response = await client.PostAsJsonAsync("/api/match/explain", request);
                response.EnsureSuccessStatusCode();
                bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            });
            var alone = await TimeAsync(() =>
            {
                MatchExplainer.Explain(new ArticleText(null, text, "ar"), terms, null);
                return Task.CompletedTask;
            });
            Console.WriteLine($"Round {round}: explain a {text.Length:N0}-character, 5,000-word article: HTTP {http}, {bytes / 1024:N0} KB; explainer alone {alone}");
        }
    }

    private static async Task<string> TimeAsync(Func<Task> run)
    {
        for (var i = 0; i < 3; i++) await run();
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return $"median {times[times.Count / 2]:F1} ms, p95 {times[(int)(times.Count * 0.95) - 1]:F1} ms";
    }
}
