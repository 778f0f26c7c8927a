using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using MediaMonitor.Feeds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace MediaMonitor.Benchmarks;

/// <summary>
/// Feed polling on the real service and a throwaway PostgreSQL, against a local site (Kestrel) serving RSS made of
/// corpus articles, with ETags. First 200 feeds of 50 new items each are added and polled (articles a second, from
/// the poll to the committed alerts, the core watchlists matching); then 800 more feeds of one item; then all 1,000
/// are polled again with nothing new (every answer a 304): the CPU of the service and of PostgreSQL per poll.
/// </summary>
public static class FeedPolling
{
    public const int BusyFeeds = 200;
    public const int ItemsPerFeed = 50;
    public const int QuietFeeds = 800;

    public static async Task RunAsync()
    {
        var articles = BenchData.Articles();
        var watchlists = JsonNode.Parse(File.ReadAllText(Path.Combine(BenchData.WatchlistFolder, "watchlists-core.json")))!["watchlists"]!.AsArray();
        var feeds = new ConcurrentDictionary<string, (byte[] Body, string ETag)>();
        var next = 0;
        for (var f = 0; f < BusyFeeds + QuietFeeds; f++)
        {
            var items = new List<Item>();
            for (var i = 0; i < (f < BusyFeeds ? ItemsPerFeed : 1); i++, next++) items.Add(ItemOf(articles, next));
            feeds[$"/feeds/{f}"] = (Encoding.UTF8.GetBytes(Rss(f, items)), $"\"feed-{f}\"");
        }
        var requests = 0;
        var (site, siteUrl) = await LocalReceiver.StartAsync(async context =>
        {
            Interlocked.Increment(ref requests);
            if (!feeds.TryGetValue(context.Request.Path.Value ?? "", out var feed))
            {
                context.Response.StatusCode = 404;
                return;
            }
            context.Response.Headers.ETag = feed.ETag;
            if (context.Request.Headers.IfNoneMatch == feed.ETag)
            {
                context.Response.StatusCode = 304;
                return;
            }
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.Body.WriteAsync(feed.Body);
        });
        var root = siteUrl[..siteUrl.IndexOf("/hook", StringComparison.Ordinal)];
        await using (site)
        await using (var bench = await BenchHost.StartAsync(("MediaMonitor:Outbound:AllowHttp", "true"), ("MediaMonitor:Outbound:AllowPrivateNetworks", "true")))
        {
            var client = bench.Client();
            foreach (var w in watchlists)
            {
                (await client.PostAsJsonAsync("/api/watchlists", new { name = w!["name"]!.GetValue<string>(), terms = w["terms"] })).EnsureSuccessStatusCode();
            }

            var busy = await MeasureAsync(bench.Host, () => AddAsync(client, root, 0, BusyFeeds));
            var created = await CountAsync(client, "/api/feeds", f => f["articlesCreated"]!.GetValue<int>());
            Console.WriteLine($"{BusyFeeds} feeds of {ItemsPerFeed} new items: {created:N0} articles in {busy.Elapsed.TotalSeconds:0.0} s, " +
                              $"{created / busy.Elapsed.TotalSeconds:N0} articles/s from the first polls to their committed alerts " +
                              $"(an article's alerts commit with it); {busy.Cpu}");

            await MeasureAsync(bench.Host, () => AddAsync(client, root, BusyFeeds, BusyFeeds + QuietFeeds));
            var ids = (await client.GetFromJsonAsync<JsonArray>("/api/feeds"))!.Select(f => f!["id"]!.GetValue<Guid>()).ToList();
            var before = requests;
            var bus = bench.Host.Services.GetRequiredService<IMessageBus>();
            // As if every feed's scheduled poll fell due at once (each feed's first chain: generation 1).
            var quiet = await MeasureAsync(bench.Host, async () =>
            {
                foreach (var id in ids) await bus.PublishAsync(new PollFeed(id, 1));
            });
            var polls = requests - before;
            Console.WriteLine($"{polls:N0} polls answered 304 in {quiet.Elapsed.TotalSeconds:0.0} s ({polls / quiet.Elapsed.TotalSeconds:N0} polls/s): " +
                              $"service {quiet.ServiceCpu.TotalMilliseconds / polls:0.00} ms and PostgreSQL {quiet.PostgresCpu.TotalMilliseconds / polls:0.00} ms " +
                              $"of CPU a poll ({Environment.ProcessorCount} cores).");
        }
    }

    private sealed record Measured(TimeSpan Elapsed, TimeSpan ServiceCpu, TimeSpan PostgresCpu)
    {
        public string Cpu => $"service {ServiceCpu.TotalSeconds:0.0} s, PostgreSQL {PostgresCpu.TotalSeconds:0.0} s of CPU";
    }

    /// <summary>Runs <paramref name="action"/> and waits until every message it caused is handled.</summary>
    private static async Task<Measured> MeasureAsync(IAlbaHost host, Func<Task> action)
    {
        var (service, postgres, clock) = (Process.GetCurrentProcess().TotalProcessorTime, IngestRate.PostgresCpu(), Stopwatch.StartNew());
        await host.TrackActivity().Timeout(TimeSpan.FromMinutes(15)).DoNotAssertOnExceptionsDetected()
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => action()));
        return new Measured(clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - service, IngestRate.PostgresCpu() - postgres);
    }

    /// <summary>Adds feeds <paramref name="from"/> to <paramref name="to"/> (polled once a day, so only the polls the
    /// benchmark makes run), 8 at a time.</summary>
    private static Task AddAsync(HttpClient client, string root, int from, int to) =>
        Parallel.ForEachAsync(Enumerable.Range(from, to - from), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (f, ct) =>
            (await client.PostAsJsonAsync("/api/feeds", new { url = $"{root}/feeds/{f}", intervalSeconds = 86_400 }, ct)).EnsureSuccessStatusCode());

    private static async Task<int> CountAsync(HttpClient client, string url, Func<JsonNode, int> field) =>
        (await client.GetFromJsonAsync<JsonArray>(url))!.Sum(f => field(f!));

    private sealed record Item(string Id, string Title, string Body);

    /// <summary>The <paramref name="n"/>th item: corpus articles in turn, each round with a line of its own so that
    /// no item is a duplicate of another (the corpus has fewer articles than the benchmark needs).</summary>
    private static Item ItemOf(Matching.CorpusFormat.CorpusArticle[] articles, int n)
    {
        var a = articles[n % articles.Length];
        var round = n / articles.Length;
        return new Item($"{a.Id}-{round}", a.Title ?? "", round == 0 ? a.Body : $"{a.Body}\n\nRepublished, round {round}.");
    }

    private static string Rss(int feed, IEnumerable<Item> items)
    {
        var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Feed {feed}</title>");
        foreach (var item in items)
        {
            xml.Append($"<item><title>{SecurityElement.Escape(item.Title)}</title><link>https://corpus.example/{item.Id}</link>" +
                       $"<guid>{item.Id}</guid><description>{SecurityElement.Escape(item.Body)}</description></item>");
        }
        return xml.Append("</channel></rss>").ToString();
    }
}
