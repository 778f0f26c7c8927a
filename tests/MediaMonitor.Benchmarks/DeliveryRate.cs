using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediaMonitor.Matching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MediaMonitor.Benchmarks;

/// <summary>
/// Deliveries per second over many subscriptions (issue 10, item 4), on the real service and a throwaway PostgreSQL: 50
/// subscriptions to a local receiver (Kestrel, answering 200 at once), the core watchlists and one that nearly every article
/// matches (a common English and a common Arabic word), so that each article makes about one alert: 50 deliveries.
/// 1. Rate: a burst of alerts ingested in batches, then the time from the first delivery to the last; on the cold
///    service, then again warm.
/// 2. One subscriber down: it answers 503 for <c>outage</c> seconds while alerts come at a steady rate; the others'
///    alert-to-delivery latency then, against the same steady rate with everyone up.
/// 3. It comes back: how fast its backlog drains.
/// </summary>
public static class DeliveryRate
{
    public const int Subscriptions = 50;
    private const int BurstArticles = 600;
    private const int SteadyArticlesPerSecond = 10;
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(TimeSpan outage)
    {
        var articles = BenchData.Articles();
        var watchlists = JsonNode.Parse(File.ReadAllText(Path.Combine(BenchData.WatchlistFolder, "watchlists-core.json")))!["watchlists"]!.AsArray();
        await using var receiver = await Receiver.StartAsync();
        await using var bench = await BenchHost.StartAsync(
            ("MediaMonitor:Webhooks:AllowHttp", "true"), ("MediaMonitor:Webhooks:AllowPrivateNetworks", "true"));
        var client = bench.Client();
        foreach (var w in watchlists)
            (await client.PostAsJsonAsync("/api/watchlists", new { name = w!["name"]!.GetValue<string>(), terms = w["terms"] })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/watchlists", new { name = "Everything", terms = new[] { new { phrase = "the" }, new { phrase = "في" } } }))
            .EnsureSuccessStatusCode();
        for (var s = 0; s < Subscriptions; s++)
            (await client.PostAsJsonAsync("/api/subscriptions", new { url = $"{receiver.Url}/{s}" })).EnsureSuccessStatusCode();
        var next = 0;

        // 1. Rate: on the cold service, whose CPU goes largely to the JIT at first, then again warm.
        next = await BurstAsync(client, receiver, articles, next, "cold");
        receiver.Reset();
        next = await BurstAsync(client, receiver, articles, next, "warm");

        // 2. Steady, everyone up, then subscriber 0 down.
        receiver.Reset();
        var baseline = await SteadyAsync(client, articles, next, Baseline);
        next += baseline.Articles;
        await receiver.WaitForAsync(baseline.Alerts * Subscriptions, TimeSpan.FromMinutes(1));
        var up = receiver.Latencies(s => s != 0);
        receiver.Reset();
        receiver.Down = true;
        var steady = await SteadyAsync(client, articles, next, outage);
        next += steady.Articles;
        await receiver.WaitForAsync(steady.Alerts * (Subscriptions - 1), TimeSpan.FromMinutes(1));
        var down = receiver.Latencies(s => s != 0);
        Console.WriteLine($"Steady {SteadyArticlesPerSecond} articles/s, the other subscribers' alert-to-delivery latency: everyone up " +
                          $"p50 {P(up, 0.5):N0} ms, p99 {P(up, 0.99):N0} ms ({up.Length:N0} deliveries); subscriber 0 down for " +
                          $"{outage.TotalSeconds:N0} s: p50 {P(down, 0.5):N0} ms, p99 {P(down, 0.99):N0} ms ({down.Length:N0}); " +
                          $"it refused {receiver.Refused:N0} requests meanwhile.");

        // 3. It comes back. The deliveries it refused wait for their retry (the schedule's second is 5 min away); the
        // parked ones go as soon as a probe finds it back (at the end of the cooldown, at most a minute).
        receiver.Down = false;
        var back = DateTimeOffset.UtcNow;
        await receiver.WaitForAsync(0, steady.Alerts - receiver.RefusedDeliveries, TimeSpan.FromMinutes(30));
        var parked = receiver.ArrivalsOf(0).Where(a => !receiver.WasRefused(a.WebhookId)).Select(a => a.At).Order().ToList();
        Console.WriteLine($"Subscriber 0 back: {parked.Count:N0} parked deliveries (expected {steady.Alerts - receiver.RefusedDeliveries:N0}), " +
                          $"the first {(parked[0] - back).TotalSeconds:0.0} s after it came back, the last {(parked[^1] - parked[0]).TotalSeconds:0.0} s " +
                          $"after the first: {parked.Count / Math.Max(0.001, (parked[^1] - parked[0]).TotalSeconds):N0} deliveries/s; " +
                          $"{receiver.RefusedDeliveries} refused deliveries wait for their retry.");
    }

    /// <summary>A burst of <see cref="BurstArticles"/> articles from <paramref name="next"/> on, in batches, and the time
    /// from its first delivery to its last; returns the next article.</summary>
    private static async Task<int> BurstAsync(HttpClient client, Receiver receiver, CorpusFormat.CorpusArticle[] articles, int next, string service)
    {
        var alerts = 0;
        var (serviceCpu, postgresCpu, wall) = (Process.GetCurrentProcess().TotalProcessorTime, IngestRate.PostgresCpu(), Stopwatch.StartNew());
        for (var end = next + BurstArticles; next < end; next += 100) alerts += await IngestAsync(client, articles.Skip(next).Take(100));
        await receiver.WaitForAsync(alerts * Subscriptions, TimeSpan.FromMinutes(10));
        var (first, last) = receiver.Span();
        (serviceCpu, postgresCpu) = (Process.GetCurrentProcess().TotalProcessorTime - serviceCpu, IngestRate.PostgresCpu() - postgresCpu);
        Console.WriteLine($"Rate, {service} service: {BurstArticles} articles, {alerts:N0} alerts, {Subscriptions} subscriptions: {receiver.Count:N0} deliveries " +
                          $"(expected {alerts * Subscriptions:N0}) in {(last - first).TotalSeconds:0.0} s from the first to the last: " +
                          $"{receiver.Count / (last - first).TotalSeconds:N0} deliveries/s. CPU over the {wall.Elapsed.TotalSeconds:0.0} s of ingest and delivery: " +
                          $"service, receiver and client {serviceCpu.TotalSeconds:0.0} s, PostgreSQL {postgresCpu.TotalSeconds:0.0} s ({Environment.ProcessorCount} cores).");
        return next;
    }

    private static double P(double[] sorted, double p) => WebhookDelivery.Percentile(sorted, p);

    private static async Task<int> IngestAsync(HttpClient client, IEnumerable<CorpusFormat.CorpusArticle> batch)
    {
        var response = await client.PostAsJsonAsync("/api/articles/batch",
            batch.Select(a => new { title = a.Title, body = a.Body, lang = a.Lang, url = $"https://corpus.example/{a.Id}" }));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray().Sum(x => x!["alerts"]?.AsArray().Count ?? 0);
    }

    /// <summary>One article every 1/<see cref="SteadyArticlesPerSecond"/> s for <paramref name="length"/>, from the corpus
    /// (round again when it runs out: a repeat is a duplicate and raises nothing).</summary>
    private static async Task<(int Articles, int Alerts)> SteadyAsync(
        HttpClient client, IReadOnlyList<CorpusFormat.CorpusArticle> articles, int from, TimeSpan length)
    {
        var clock = Stopwatch.StartNew();
        var (count, alerts) = (0, 0);
        while (clock.Elapsed < length)
        {
            alerts += await IngestAsync(client, [articles[(from + count) % articles.Count]]);
            count++;
            var due = TimeSpan.FromSeconds((double)count / SteadyArticlesPerSecond);
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
        }
        return (count, alerts);
    }

    /// <summary>Counts deliveries per subscription (the last path segment), their arrival and latency; answers 503 to
    /// subscription 0 while <see cref="Down"/>.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private ConcurrentBag<(int Subscription, string WebhookId, DateTimeOffset At, double LatencyMs)> _arrivals = [];
        private readonly ConcurrentDictionary<string, bool> _refusedIds = [];
        private int _refused;

        private Receiver(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public string Url { get; }
        public volatile bool Down;
        public int Count => _arrivals.Count;
        public int Refused => Volatile.Read(ref _refused);
        public int RefusedDeliveries => _refusedIds.Count;
        public bool WasRefused(string webhookId) => _refusedIds.ContainsKey(webhookId);
        public int CountOf(int subscription) => _arrivals.Count(a => a.Subscription == subscription);
        public IEnumerable<(string WebhookId, DateTimeOffset At)> ArrivalsOf(int subscription) =>
            _arrivals.Where(a => a.Subscription == subscription).Select(a => (a.WebhookId, a.At));
        public (DateTimeOffset First, DateTimeOffset Last) Span() => (_arrivals.Min(a => a.At), _arrivals.Max(a => a.At));
        public double[] Latencies(Func<int, bool> subscriptions) =>
            _arrivals.Where(a => subscriptions(a.Subscription)).Select(a => a.LatencyMs).Order().ToArray();

        public void Reset() => _arrivals = [];

        public static async Task<Receiver> StartAsync()
        {
            Receiver? receiver = null;
            var (app, url) = await LocalReceiver.StartAsync(async context =>
            {
                var subscription = int.Parse(context.Request.Path.Value![(context.Request.Path.Value!.LastIndexOf('/') + 1)..],
                    System.Globalization.CultureInfo.InvariantCulture);
                var webhookId = context.Request.Headers["webhook-id"].ToString();
                if (subscription == 0 && receiver!.Down)
                {
                    Interlocked.Increment(ref receiver._refused);
                    receiver._refusedIds[webhookId] = true;
                    context.Response.StatusCode = 503;
                    return;
                }
                var payload = await JsonSerializer.DeserializeAsync<JsonNode>(context.Request.Body);
                var raised = payload!["data"]!["raisedAt"]!.GetValue<DateTimeOffset>();
                var now = DateTimeOffset.UtcNow;
                receiver!._arrivals.Add((subscription, webhookId, now, (now - raised).TotalMilliseconds));
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

        public async Task WaitForAsync(int subscription, int count, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (CountOf(subscription) < count && DateTime.UtcNow < deadline) await Task.Delay(200);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
