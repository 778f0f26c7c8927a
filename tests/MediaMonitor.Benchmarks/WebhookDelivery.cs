using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using MediaMonitor.Infrastructure;
using MediaMonitor.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MediaMonitor.Benchmarks;

/// <summary>
/// Webhook delivery, end to end on the real service and a throwaway PostgreSQL: the core watchlists, four
/// subscriptions to a local receiver (Kestrel, answering 200 at once), and the corpus ingested at a steady rate
/// (100 articles a second unless told, in ten batches a second). Reports the alert-to-delivery latency (raised, in the
/// payload, to arrival at the receiver: the raised time is taken before the transaction that commits the alert, so this
/// counts the whole of it) and then the delivery rate of a burst: every subscription replays every alert at once.
/// </summary>
public static class WebhookDelivery
{
    public const int Subscriptions = 4;
    public const int Seconds = 60;
    public static async Task RunAsync(int articlesPerSecond = 100)
    {
        var articles = BenchData.Articles();
        var watchlists = JsonNode.Parse(File.ReadAllText(Path.Combine(BenchData.WatchlistFolder, "watchlists-core.json")))!["watchlists"]!.AsArray();
        await using var receiver = await Receiver.StartAsync();
        await using var bench = await BenchHost.StartAsync(
            ("MediaMonitor:Webhooks:AllowHttp", "true"), ("MediaMonitor:Webhooks:AllowPrivateNetworks", "true"));
        var client = bench.Client();

        foreach (var w in watchlists)
        {
            var created = await client.PostAsJsonAsync("/api/watchlists", new { name = w!["name"]!.GetValue<string>(), terms = w["terms"] });
            created.EnsureSuccessStatusCode();
        }
        var subscriptions = new List<Guid>();
        for (var s = 0; s < Subscriptions; s++)
        {
            var created = await client.PostAsJsonAsync("/api/subscriptions", new { url = $"{receiver.Url}/{s}" });
            created.EnsureSuccessStatusCode();
            subscriptions.Add(JsonNode.Parse(await created.Content.ReadAsStringAsync())!["subscription"]!["id"]!.GetValue<Guid>());
        }

        // Steady: articlesPerSecond, one small batch every 100 ms, for Seconds.
        var perTick = Math.Max(1, articlesPerSecond / 10);
        var total = perTick * 10 * Seconds;
        var alerts = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i += perTick)
        {
            var batch = articles.Skip(i).Take(perTick).Select(a => new { title = a.Title, body = a.Body, lang = a.Lang, url = $"https://corpus.example/{a.Id}" });
            var response = await client.PostAsJsonAsync("/api/articles/batch", batch);
            response.EnsureSuccessStatusCode();
            alerts += JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray().Sum(x => x!["alerts"]?.AsArray().Count ?? 0);
            var due = TimeSpan.FromMilliseconds(100.0 * (i / perTick + 1));
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
        }
        var expected = alerts * Subscriptions;
        await receiver.WaitForAsync(expected, TimeSpan.FromMinutes(5));
        var latencies = receiver.Latencies().Order().ToArray();
        Console.WriteLine($"Steady ingest: {total:N0} articles at {perTick * 10}/s, {alerts:N0} alerts, {Subscriptions} subscriptions: " +
                          $"{receiver.Count:N0} deliveries (expected {expected:N0}).");
        Console.WriteLine($"Alert-to-delivery latency: p50 {Percentile(latencies, 0.50):N0} ms, p90 {Percentile(latencies, 0.90):N0} ms, " +
                          $"p99 {Percentile(latencies, 0.99):N0} ms, max {latencies.LastOrDefault():N0} ms.");

        // Burst: every subscription replays everything at once.
        receiver.Reset();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var burst = Stopwatch.StartNew();
        foreach (var id in subscriptions)
        {
            var replay = await client.PostAsJsonAsync($"/api/subscriptions/{id}/replay", new { from = DateTimeOffset.UtcNow.AddDays(-1) });
            replay.EnsureSuccessStatusCode();
        }
        await receiver.WaitForAsync(expected, TimeSpan.FromMinutes(10));
        burst.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"Burst (replay of every alert to every subscription): {receiver.Count:N0} deliveries in {burst.Elapsed.TotalSeconds:0.0} s: " +
                          $"{receiver.Count / burst.Elapsed.TotalSeconds:N0} deliveries/s, {cpu.TotalMilliseconds / Math.Max(1, receiver.Count):0.0} ms of service CPU each " +
                          "(PostgreSQL not counted; the receiver runs in this process).");
        var http = new List<double>();
        foreach (var id in subscriptions)
        {
            string? cursor = null;
            do
            {
                var page = JsonNode.Parse(await client.GetStringAsync($"/api/subscriptions/{id}/deliveries?limit=500" + (cursor is null ? "" : $"&cursor={cursor}")))!;
                http.AddRange(page["items"]!.AsArray().SelectMany(d => d!["attempts"]!.AsArray()).Select(a => a!["latencyMs"]!.GetValue<double>()));
                cursor = page["nextCursor"]?.GetValue<string>();
            } while (cursor is not null);
        }
        var sorted = http.Order().ToArray();
        Console.WriteLine($"HTTP time per attempt: p50 {Percentile(sorted, 0.5):N0} ms, p99 {Percentile(sorted, 0.99):N0} ms over {sorted.Length:N0} attempts.");
    }

    /// <summary>The value below which the fraction <paramref name="p"/> of <paramref name="sorted"/> lies.</summary>
    internal static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];

    /// <summary>Counts deliveries and how long after the alert each one arrived.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentBag<double> _latencies = [];
        private int _count;

        private Receiver(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public string Url { get; }
        public int Count => Volatile.Read(ref _count);
        public IEnumerable<double> Latencies() => _latencies;

        public void Reset()
        {
            _latencies.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        public static async Task<Receiver> StartAsync()
        {
            Receiver? receiver = null;
            var (app, url) = await LocalReceiver.StartAsync(async context =>
            {
                var payload = await JsonSerializer.DeserializeAsync<JsonNode>(context.Request.Body);
                var raised = payload!["data"]!["raisedAt"]!.GetValue<DateTimeOffset>();
                receiver!._latencies.Add((DateTimeOffset.UtcNow - raised).TotalMilliseconds);
                Interlocked.Increment(ref receiver._count);
                context.Response.StatusCode = 200;
            });
            receiver = new Receiver(app, url);
            return receiver;
        }

        public async Task WaitForAsync(int count, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (Count < count && DateTime.UtcNow < deadline) await Task.Delay(50);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
