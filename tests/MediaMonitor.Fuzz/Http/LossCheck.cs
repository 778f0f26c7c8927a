using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.Fuzz.Http;

/// <summary>
/// After the fuzz: everything the service said it created is still there. Each article readable with its
/// <c>article_ingested</c> event in the log, each watchlist and subscription readable (unless the fuzz deleted it).
/// </summary>
public sealed class LossCheck(HttpClient admin, AcceptedWrites accepted, Findings findings, TextWriter log)
{
    /// <summary>A rebuild reads the whole event log, which a long pass makes millions of events long (every webhook
    /// attempt is one): it may take minutes, up to the 55 the service gives it.</summary>
    private static readonly TimeSpan RebuildWait = TimeSpan.FromMinutes(55);

    public async Task RunAsync()
    {
        await WaitForRebuildsAsync();
        var all = accepted.All;
        await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (write, ct) =>
        {
            var (kind, id, request) = write;
            var path = kind switch
            {
                IdKind.Article => $"/api/articles/{id}",
                IdKind.Watchlist => $"/api/watchlists/{id}",
                _ => $"/api/subscriptions/{id}",
            };
            using var response = await admin.GetAsync(path, ct);
            var removed = accepted.WasRemoved(id);
            if (response.StatusCode != HttpStatusCode.OK && !(removed && response.StatusCode == HttpStatusCode.NotFound))
                findings.Add("lost", $"GET {path.Replace(id.ToString(), "{id}")}", $"{(int)response.StatusCode}",
                    $"{kind} {id} created by request {request} answers {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            if (kind == IdKind.Article && !await HasIngestedEventAsync(id, ct))
                findings.Add("lost", "GET /api/events", "no article_ingested", $"article {id} created by request {request} has no article_ingested event");
        });
        log.WriteLine($"Checked {all.Count} accepted writes.");
    }

    private async Task<bool> HasIngestedEventAsync(Guid id, CancellationToken ct)
    {
        var ndjson = await admin.GetStringAsync($"/api/events?streamId={id}&type=article_ingested", ct);
        return ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Any(line => JsonNode.Parse(line)?["type"]?.GetValue<string>() == "article_ingested");
    }

    /// <summary>Rebuilds the fuzz started run in the background; their projections are read only once they finish.
    /// Polled: the service offers no way to wait on a rebuild.</summary>
    private async Task WaitForRebuildsAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < RebuildWait)
        {
            var projections = JsonNode.Parse(await admin.GetStringAsync("/api/admin/projections"))!.AsArray();
            if (!projections.Any(p => p?["rebuild"]?["state"]?.GetValue<string>() == "Running"))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(1)) log.WriteLine($"Waited {clock.Elapsed.TotalSeconds:0} s for the rebuilds still running after the fuzz.");
                return;
            }
            await Task.Delay(500);
        }
        findings.Add("slow", "POST /api/admin/projections/{name}/rebuild", "still running", $"a rebuild was still running {RebuildWait.TotalMinutes} minutes after the fuzz");
    }
}
