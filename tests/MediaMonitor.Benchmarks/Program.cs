using BenchmarkDotNet.Running;
using MediaMonitor.Benchmarks;

// dotnet run -c Release --project tests/MediaMonitor.Benchmarks                  throughput table, every size
// dotnet run -c Release --project tests/MediaMonitor.Benchmarks -- core 100k     only these sizes
// dotnet run -c Release --project tests/MediaMonitor.Benchmarks -- bdn [...]     BenchmarkDotNet (per article, allocations)
// dotnet run -c Release --project tests/MediaMonitor.Benchmarks -- webhooks [N]   webhook latency at N articles/s (100) and delivery rate (service + PostgreSQL)
// dotnet run -c Release --project tests/MediaMonitor.Benchmarks -- deliveries [S] deliveries/s over 50 subscriptions; one down for S seconds (600), then its backlog
// dotnet run -c Release --project tests/MediaMonitor.Benchmarks -- ingest         batch and single-post ingest beside a COPY of the corpus
// dotnet run -c Release --project tests/MediaMonitor.Benchmarks -- audit [N]      projection rebuild and export over a million events (N articles: 400,000)
// dotnet run -c Release --project tests/MediaMonitor.Benchmarks -- hostile        what articles built to amplify work cost the matcher
// dotnet run -c Release --project tests/MediaMonitor.Benchmarks -- failover       webhooks of a node killed with kill -9: how soon another node sends them
// dotnet run -c Release --project tests/MediaMonitor.Benchmarks -- feeds          200 feeds of 50 new items (articles/s), then 1,000 polls answered 304 (CPU a poll)
// dotnet run -c Release --project tests/MediaMonitor.Benchmarks -- stories        story grouping over the corpus: stories formed, ten examples, cost per article, memory per 100k
// dotnet run -c Release --project tests/MediaMonitor.Benchmarks -- timeline [N]   the timeline projection's events/s, then timeline and summary latency over N matched articles (1,000,000) in a year
// dotnet run -c Release --project tests/MediaMonitor.Benchmarks -- spikes         spike evaluation per article over a busy watchlist's 29 days (3 runs)
// dotnet run -c Release --project tests/MediaMonitor.Benchmarks -- preview        watchlist preview over 100,000 stored articles (a month, everything), then explain latency for a 5,000-word article
if (args is ["hostile"])
{
    HostileArticles.Run();
    return;
}
if (args is ["stories"])
{
    StoryGrouping.Run();
    return;
}
if (args is ["spikes"])
{
    SpikeEvaluation.Run();
    return;
}
if (args is ["preview"])
{
    await WatchlistPreviews.RunAsync();
    return;
}
if (args is ["ingest"])
{
    await IngestRate.RunAsync();
    return;
}
if (args is ["deliveries", .. var outage])
{
    await DeliveryRate.RunAsync(TimeSpan.FromSeconds(outage is [var s] ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 600));
    return;
}
if (args is ["feeds"])
{
    await FeedPolling.RunAsync();
    return;
}
if (args is ["failover"])
{
    await Failover.RunAsync();
    return;
}
if (args is ["timeline", ..]) { await TimelineQueries.RunAsync(args.Length > 1 ? int.Parse(args[1]) : TimelineQueries.Articles); return; }
if (args is ["audit", ..])
{
    await AuditReplay.RunAsync(args.Length > 1 ? int.Parse(args[1]) : AuditReplay.Articles);
    return;
}
if (args is ["webhooks", .. var rate])
{
    await WebhookDelivery.RunAsync(rate is [var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 100);
    return;
}
if (args is ["bdn", .. var rest])
{
    BenchmarkSwitcher.FromAssembly(typeof(MatchPerArticle).Assembly).Run(rest.Length > 0 ? rest : ["--filter", "*"]);
    return;
}
Throughput.Run(args.Length > 0 ? args : BenchData.Sizes);
