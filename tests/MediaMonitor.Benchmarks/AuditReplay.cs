using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using EventLog = MediaMonitor.Audit.EventLog;
using Alba;
using MediaMonitor.Alerts;
using MediaMonitor.Audit;
using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;
using MediaMonitor.Matching;
using MediaMonitor.Webhooks;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wolverine.Runtime.Agents;

namespace MediaMonitor.Benchmarks;

/// <summary>
/// Replay at scale, on the real service and a throwaway PostgreSQL: a log of a million events (articles taken in,
/// three in four matched, each match alerted), then every projection rebuilt from it, then the whole log exported as
/// NDJSON. Reports events per second for each.
/// </summary>
public static class AuditReplay
{
    public const int Articles = 400_000;
    private const int PerSession = 1_000;

    public static async Task RunAsync(int articles)
    {
        await using var bench = await BenchHost.StartAsync();
        var host = bench.Host;
        var store = host.Services.GetRequiredService<IDocumentStore>();

        var clock = Stopwatch.StartNew();
        var watchlist = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        for (var start = 0; start < articles; start += PerSession)
        {
            await using var session = store.LightweightSession();
            for (var i = start; i < start + PerSession; i++)
            {
                var id = Guid.CreateVersion7();
                var body = $"Article {i}: a rocket attack hit the town of Example late on Tuesday, officials said, and talks went on.";
                var ingested = new ArticleIngested(id, $"Title {i}", body, "en", "bench", null, null, $"hash-{i}", now, null);
                if (i % 4 == 3)
                {
                    session.Events.StartStream<ArticleView>(id, ingested);
                    continue;
                }
                var hit = new MatchHit("rocket attack", ArticleField.Body, body.IndexOf("rocket", StringComparison.Ordinal), 13, "rocket attack");
                session.Events.StartStream<ArticleView>(id, ingested, new ArticleMatched(id, watchlist, 1, "Attacks", [hit], now));
                var alert = Guid.CreateVersion7();
                session.Events.StartStream<AlertView>(alert, new AlertRaised(alert, id, watchlist, 1, "Attacks", $"Title {i}", "en", "bench",
                    null, null, [new AlertHit(hit.Term, hit.Field, hit.Start, hit.Length, hit.Text, body)], now));
            }
            await session.SaveChangesAsync();
        }
        var statistics = await store.Advanced.FetchEventStoreStatistics();
        var events = statistics.EventCount;
        Console.WriteLine($"Appended {events:N0} events ({articles:N0} articles) in {clock.Elapsed.TotalSeconds:F0} s: {events / clock.Elapsed.TotalSeconds:N0} events/s.");

        // As the service's rebuild command runs them: an inline projection replayed in one transaction, an async one
        // on the daemon. Each inline one is also rebuilt the daemon's way (in place, page by page), for comparison.
        var agents = host.Services.GetRequiredService<EventSubscriptionAgentFamily>();
        var replay = host.Services.GetRequiredService<InlineProjectionReplay>();
        var total = TimeSpan.Zero;
        foreach (var name in host.Services.GetRequiredService<ProjectionRebuilds>().Names)
        {
            var one = Stopwatch.StartNew();
            var ok = true;
            if (replay.CanReplay(name)) await replay.RunAsync(name, (_, _, _) => Task.CompletedTask, CancellationToken.None);
            else ok = await agents.TryRebuildRegisteredProjectionAsync($"{name}:All", null!, CancellationToken.None);
            var elapsed = one.Elapsed;
            total += elapsed;
            var inPlace = "";
            if (replay.CanReplay(name))
            {
                var daemon = Stopwatch.StartNew();
                var daemonOk = await agents.TryRebuildRegisteredProjectionAsync($"{name}:All", null!, CancellationToken.None);
                inPlace = $"; in place on the daemon: {(daemonOk ? "ok" : "FAILED")} in {daemon.Elapsed.TotalSeconds:F1} s";
            }
            Console.WriteLine($"  rebuilt {name} ({(replay.CanReplay(name) ? "one transaction" : "daemon")}): {(ok ? "ok" : "FAILED")} in " +
                              $"{elapsed.TotalSeconds:F1} s ({events / elapsed.TotalSeconds:N0} events/s read){inPlace}");
        }
        Console.WriteLine($"Rebuilt every projection from {events:N0} events in {total.TotalSeconds:F0} s: " +
                          $"{events / total.TotalSeconds:N0} events/s over all projections.");

        var json = host.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var path = Path.Combine(Path.GetTempPath(), $"mediamonitor-export-{Guid.NewGuid():N}.ndjson");
        var export = Stopwatch.StartNew();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        long exported;
        await using (var session = store.QuerySession())
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            exported = await EventLog.WriteNdjsonAsync(EventLog.Read(session, new EventFilter(), CancellationToken.None), file, json, CancellationToken.None);
        }
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"Exported {exported:N0} events ({new FileInfo(path).Length / 1048576.0:N0} MB NDJSON) in {export.Elapsed.TotalSeconds:F1} s: " +
                          $"{exported / export.Elapsed.TotalSeconds:N0} events/s; managed heap before {memoryBefore / 1048576.0:N0} MB, " +
                          $"after {GC.GetTotalMemory(true) / 1048576.0:N0} MB; process peak working set {peak / 1048576.0:N0} MB.");
        File.Delete(path);
    }
}
