using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using MediaMonitor.IntegrationTests.Infrastructure;
using MediaMonitor.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MediaMonitor.Benchmarks;

/// <summary>
/// A node killed with <c>kill -9</c> while its webhooks are on their way, on real service processes and a throwaway
/// PostgreSQL: one subscription to a local receiver that answers each webhook after 100 ms, and a batch of articles
/// ingested through the node to be killed, raising an alert each. The node is killed 1.5 s after the batch is answered,
/// with most webhooks still queued in its inbox. Reports how long after the kill the next webhook arrives and the last
/// one, and how many arrived twice (an attempt made again after the crash, inside the crash window). Two cases: a second
/// node running beside it, and the node alone, started again at once (a new node to Wolverine). Each case runs with the
/// service's node settings and with Wolverine's defaults.
/// </summary>
public static class Failover
{
    private const int Articles = 100;
    private static readonly TimeSpan ReceiverDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    /// <summary>Wolverine's own heartbeat and stale-node timeout, which the service's settings replace.</summary>
    private static readonly (string, string)[] WolverineDefaults =
        [("MediaMonitor__Nodes__HeartbeatPeriod", "00:00:10"), ("MediaMonitor__Nodes__StaleAfter", "00:01:00")];

    public static async Task RunAsync()
    {
        foreach (var (settings, name) in new[] { (Array.Empty<(string, string)>(), "service settings"), (WolverineDefaults, "Wolverine's defaults") })
        {
            await RunCaseAsync($"two nodes, one killed ({name})", settings, restart: false);
            await RunCaseAsync($"one node killed and started again ({name})", settings, restart: true);
        }
    }

    private static async Task RunCaseAsync(string title, (string, string)[] settings, bool restart)
    {
        var data = Path.Combine(Path.GetTempPath(), $"mediamonitor-failover-{Guid.NewGuid():N}");
        await using var postgres = await LocalPostgres.StartAsync(data, throwaway: true);
        await using var receiver = await Receiver.StartAsync();
        var doomed = await StartNodeAsync(postgres.ConnectionString, settings);
        await using var survivor = restart ? null : await StartNodeAsync(postgres.ConnectionString, settings);
        ServiceProcess? restarted = null;
        try
        {
            var client = doomed.Client();
            (await client.PostAsJsonAsync("/api/watchlists", new { name = "Attacks", terms = new[] { new { phrase = "rocket attack" } } })).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync("/api/subscriptions", new { url = receiver.Url })).EnsureSuccessStatusCode();
            var batch = Enumerable.Range(0, Articles).Select(i => new { body = $"A rocket attack hit outpost {i} overnight." });
            (await client.PostAsJsonAsync("/api/articles/batch", batch)).EnsureSuccessStatusCode();

            await Task.Delay(KillAfter);
            var beforeKill = receiver.Distinct;
            doomed.Kill();
            var killed = Stopwatch.GetTimestamp();
            if (restart) restarted = await StartNodeAsync(postgres.ConnectionString, settings);

            var next = await receiver.NextAfterAsync(killed, GiveUpAfter);
            var all = await receiver.AllAsync(Articles, GiveUpAfter);
            Console.WriteLine($"{title}: {beforeKill} of {Articles} webhooks delivered before the kill; " +
                              $"next one {Seconds(killed, next)} after it, the last {Seconds(killed, all)} after it; " +
                              $"{receiver.Total - receiver.Distinct} arrived twice.");
        }
        finally
        {
            await doomed.DisposeAsync();
            if (restarted is not null) await restarted.DisposeAsync();
        }
    }

    private static Task<ServiceProcess> StartNodeAsync(string connectionString, (string, string)[] settings) =>
        ServiceProcess.StartAsync("Production", connectionString, BenchHost.Key, settings);

    private static string Seconds(long from, long? to) =>
        to is { } t ? $"{Stopwatch.GetElapsedTime(from, t).TotalSeconds:0.0} s" : $"none within {GiveUpAfter.TotalMinutes:0} min";

    /// <summary>Notes each webhook's id and arrival, answering 200 after <see cref="ReceiverDelay"/>.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, long> _first = new();
        private readonly ConcurrentQueue<long> _arrivals = new();
        private int _total;

        private Receiver(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public string Url { get; }
        public int Distinct => _first.Count;
        public int Total => Volatile.Read(ref _total);

        public static async Task<Receiver> StartAsync()
        {
            Receiver? receiver = null;
            var (app, url) = await LocalReceiver.StartAsync(async context =>
            {
                var now = Stopwatch.GetTimestamp();
                receiver!._first.TryAdd(context.Request.Headers["webhook-id"].ToString(), now);
                receiver._arrivals.Enqueue(now);
                Interlocked.Increment(ref receiver._total);
                await Task.Delay(ReceiverDelay);
                context.Response.StatusCode = 200;
            });
            receiver = new Receiver(app, url);
            return receiver;
        }

        /// <summary>When the first webhook after <paramref name="after"/> arrived, or null.</summary>
        public async Task<long?> NextAfterAsync(long after, TimeSpan timeout)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                if (_arrivals.Where(a => a > after).Order().FirstOrDefault() is var first and > 0) return first;
                await Task.Delay(50);
            }
            return null;
        }

        /// <summary>When the <paramref name="count"/>th distinct webhook first arrived, or null.</summary>
        public async Task<long?> AllAsync(int count, TimeSpan timeout)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                if (_first.Count >= count) return _first.Values.Max();
                await Task.Delay(50);
            }
            return null;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
