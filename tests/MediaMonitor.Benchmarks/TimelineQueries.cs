using System.Diagnostics;
using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;
using MediaMonitor.Matching;
using MediaMonitor.Timelines;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Wolverine.Runtime.Agents;
using static MediaMonitor.Timelines.TimelineTables;

namespace MediaMonitor.Benchmarks;

/// <summary>
/// Timeline and summary latency over a year of a million matched articles, on the real service and a throwaway
/// PostgreSQL. First the projection itself: a smaller log (ingested, matched, alerted) is appended, the Timeline
/// projection rebuilt from it on the daemon (events/s), and its tables compared with what the set-based build below
/// gives for the same articles, which must be identical. Then the tables are built set-based for the million (the
/// projection would take too long at this size here) and each query timed, through HTTP and as the query alone.
/// </summary>
public static class TimelineQueries
{
    public const int Articles = 1_000_000;
    public const int ProjectedArticles = 30_000;
    private const int WarmUp = 20;
    private const int Repetitions = 100;
    private const int Rounds = 3;

    private static readonly DateTimeOffset YearStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Sources = Enumerable.Range(0, 20).Select(i => $"source-{i}").ToArray();
    private static readonly string[] ArabicForms = ["انسحاب القوات", "وانسحاب القوات", "انسحاب قوات", "بانسحاب القوات", "للانسحاب القوات"];
    private static readonly string[] EnglishForms = ["troop withdrawal", "troops withdrawal", "Troop withdrawal"];
    /// <summary>The watched one matches every article; the others some, so that they co-occur.</summary>
    private static readonly (Guid Id, string Name, double Share)[] Watchlists =
    [
        (Guid.Parse("0197a000-0000-7000-8000-000000000001"), "Withdrawal", 1.0),
        (Guid.Parse("0197a000-0000-7000-8000-000000000002"), "Iraq", 0.3),
        (Guid.Parse("0197a000-0000-7000-8000-000000000003"), "Bases", 0.1),
        (Guid.Parse("0197a000-0000-7000-8000-000000000004"), "Coalition", 0.05),
        (Guid.Parse("0197a000-0000-7000-8000-000000000005"), "Talks", 0.02),
    ];

    private sealed record Match(Guid WatchlistId, string Name, IReadOnlyList<(string Term, string Text)> Hits);

    private sealed record Article(Guid Id, DateTimeOffset At, bool ByIngestTime, string Lang, string Source, IReadOnlyList<Match> Matches);

    /// <summary>Articles spread at random over 2025 (seeded: every run the same); one in ten without a publication time.</summary>
    private static IEnumerable<Article> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var at = YearStart.AddTicks((long)(random.NextDouble() * TimeSpan.FromDays(365).Ticks));
            at = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);   // microseconds, as PostgreSQL keeps them
            var arabic = random.Next(3) > 0;
            var matches = new List<Match>();
            foreach (var (id, name, share) in Watchlists)
            {
                if (random.NextDouble() >= share) continue;
                if (name == "Withdrawal")
                {
                    var forms = arabic ? ArabicForms : EnglishForms;
                    var hits = Enumerable.Range(0, 1 + random.Next(2)).Select(_ => (arabic ? "انسحاب القوات" : "troop withdrawal", forms[random.Next(forms.Length)])).ToList();
                    matches.Add(new Match(id, name, hits));
                }
                else matches.Add(new Match(id, name, [(name.ToLowerInvariant(), name.ToLowerInvariant())]));
            }
            yield return new Article(Guid.CreateVersion7(at), at, random.Next(10) == 0, arabic ? "ar" : "en", Sources[random.Next(Sources.Length)], matches);
        }
    }

    public static async Task RunAsync(int articles)
    {
        await using var bench = await BenchHost.StartAsync();
        var store = bench.Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            foreach (var (id, name, _) in Watchlists)
                session.Events.StartStream<MediaMonitor.Watchlists.Watchlist>(id,
                    new MediaMonitor.Watchlists.WatchlistCreated(id, name, [new MediaMonitor.Watchlists.WatchTerm(name, null)], YearStart));
            await session.SaveChangesAsync();
        }

        await ProjectAndCompareAsync(bench, store);

        var build = Stopwatch.StartNew();
        await StageAsync(bench.ConnectionString, Generate(articles, 7));
        var rows = await BuildSetBasedAsync(bench.ConnectionString);
        Console.WriteLine($"Built the timeline tables set-based for {articles:N0} articles in {build.Elapsed.TotalSeconds:F0} s: {rows}.");

        var w = Watchlists[0].Id;
        var ids = string.Join(",", Watchlists.Select(x => x.Id));
        var year = "from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z";
        var http = new (string Name, string Url)[]
        {
            ("hourly year, Asia/Baghdad", $"/api/watchlists/{w}/timeline?bucket=hour&tz=Asia/Baghdad&{year}"),
            ("hourly year, Asia/Kathmandu", $"/api/watchlists/{w}/timeline?bucket=hour&tz=Asia/Kathmandu&{year}"),
            ("daily year, America/New_York", $"/api/watchlists/{w}/timeline?bucket=day&tz=America/New_York&{year}"),
            ("hourly year, lang=ar&source=source-3", $"/api/watchlists/{w}/timeline?bucket=hour&tz=Asia/Baghdad&lang=ar&source=source-3&{year}"),
            ("5 watchlists, daily year", $"/api/timeline?watchlistIds={ids}&bucket=day&tz=Asia/Baghdad&{year}"),
            ("5 watchlists, hourly year", $"/api/timeline?watchlistIds={ids}&bucket=hour&tz=Asia/Baghdad&{year}"),
            ("summary, year (hour edges)", $"/api/watchlists/{w}/summary?from=2025-01-01T06:00:00Z&to=2025-12-31T18:00:00Z"),
        };
        var client = bench.Client();
        var now = DateTimeOffset.UtcNow;
        var windows = new (string Name, Func<IQuerySession, Task<int>> Run)[]
        {
            ("hourly year, Asia/Baghdad", s => Timeline(s, [w], "hour", "Asia/Baghdad", null, null)),
            ("hourly year, Asia/Kathmandu", s => Timeline(s, [w], "hour", "Asia/Kathmandu", null, null)),
            ("daily year, America/New_York", s => Timeline(s, [w], "day", "America/New_York", null, null)),
            ("hourly year, lang=ar&source=source-3", s => Timeline(s, [w], "hour", "Asia/Baghdad", "ar", "source-3")),
            ("5 watchlists, daily year", s => Timeline(s, Watchlists.Select(x => x.Id).ToList(), "day", "Asia/Baghdad", null, null)),
            ("5 watchlists, hourly year", s => Timeline(s, Watchlists.Select(x => x.Id).ToList(), "hour", "Asia/Baghdad", null, null)),
            ("summary, year (hour edges)", async s =>
            {
                var range = SummaryRange.Of(new DateTimeOffset(2025, 1, 1, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 12, 31, 18, 0, 0, TimeSpan.Zero), now, new ValidationErrors())!;
                return (await SummaryReader.ReadAsync(s, w, range, CancellationToken.None)).Count;
            }),
        };

        for (var round = 1; round <= Rounds; round++)
        {
            Console.WriteLine($"Round {round}: median / p95 / mean over {Repetitions} after {WarmUp} warm-up");
            foreach (var (name, url) in http)
            {
                long bytes = 0;
                var times = await TimeAsync(async () =>
                {
                    using var response = await client.GetAsync(url);
                    response.EnsureSuccessStatusCode();
                    bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                });
                Console.WriteLine($"  HTTP  {name,-40} {Stats(times)}  ({bytes / 1024.0:N0} KB)");
            }
            foreach (var (name, run) in windows)
            {
                var count = 0;
                var times = await TimeAsync(async () =>
                {
                    await using var session = store.QuerySession();
                    count = await run(session);
                });
                Console.WriteLine($"  query {name,-40} {Stats(times)}  ({count:N0} buckets or rows)");
            }
        }
    }

    /// <summary>The window and the read and fold, without the endpoint's JSON: what the query costs alone.</summary>
    private static async Task<int> Timeline(IQuerySession session, IReadOnlyList<Guid> ids, string bucket, string tz, string? lang, string? source)
    {
        var window = TimelineWindow.Of(bucket, tz, YearStart, YearStart.AddYears(1), DateTimeOffset.UtcNow, new ValidationErrors())!;
        var counts = await TimelineReader.ReadAsync(session, ids, lang, source, window, CancellationToken.None);
        return counts.Values.Sum(c => c.Articles.Count);
    }

    private static async Task<List<double>> TimeAsync(Func<Task> run)
    {
        for (var i = 0; i < WarmUp; i++) await run();
        var times = new List<double>();
        for (var i = 0; i < Repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static string Stats(List<double> times)
    {
        var sorted = times.Order().ToList();
        return $"{sorted[sorted.Count / 2],7:F1} / {sorted[(int)(sorted.Count * 0.95) - 1],7:F1} / {times.Average(),7:F1} ms";
    }

    /// <summary>
    /// The projection's cost and faithfulness: the log of <see cref="ProjectedArticles"/> articles appended (each
    /// ingested, matched, and alerted per watchlist, as on intake), the projection rebuilt on the daemon and timed; then
    /// its tables compared, row for row, with the set-based build over the same articles.
    /// </summary>
    private static async Task ProjectAndCompareAsync(BenchHost bench, IDocumentStore store)
    {
        var articles = Generate(ProjectedArticles, 11).ToList();
        var append = Stopwatch.StartNew();
        foreach (var chunk in articles.Chunk(1_000))
        {
            await using var session = store.LightweightSession();
            foreach (var a in chunk)
            {
                var published = a.ByIngestTime ? (DateTimeOffset?)null : a.At;
                var ingestedAt = a.ByIngestTime ? a.At : a.At.AddMinutes(7);
                var body = string.Join(" ", a.Matches.SelectMany(m => m.Hits).Select(h => h.Text));
                var stream = new List<object> { new ArticleIngested(a.Id, null, body, a.Lang, a.Source, null, published, $"hash-{a.Id:N}", ingestedAt, null) };
                var hits = a.Matches.Select(m => (m, Hits: m.Hits.Select(h => new MatchHit(h.Term, ArticleField.Body, 0, h.Text.Length, h.Text)).ToList())).ToList();
                stream.AddRange(hits.Select(x => new ArticleMatched(a.Id, x.m.WatchlistId, 1, x.m.Name, x.Hits, ingestedAt, PublishedAt: published)));
                session.Events.StartStream<ArticleView>(a.Id, stream.ToArray());
                foreach (var (m, h) in hits)
                {
                    var alert = Guid.CreateVersion7();
                    session.Events.StartStream<AlertView>(alert, new AlertRaised(alert, a.Id, m.WatchlistId, 1, m.Name, null, a.Lang, a.Source, null,
                        published, h.Select(x => new AlertHit(x.Term, x.Field, x.Start, x.Length, x.Text, x.Text)).ToList(), ingestedAt));
                }
            }
            await session.SaveChangesAsync();
        }
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(10));
        var events = (await store.Advanced.FetchEventStoreStatistics()).EventCount;
        Console.WriteLine($"Appended {events:N0} events ({ProjectedArticles:N0} articles) and projected them live in {append.Elapsed.TotalSeconds:F0} s.");

        var projected = await TimelineEventCountAsync(bench.ConnectionString);
        var agents = bench.Host.Services.GetRequiredService<EventSubscriptionAgentFamily>();
        var rebuild = Stopwatch.StartNew();
        var ok = await agents.TryRebuildRegisteredProjectionAsync($"{TimelineProjection.ProjectionName}:All", null!, CancellationToken.None);
        var elapsed = rebuild.Elapsed;
        Console.WriteLine($"Rebuilt the Timeline projection on the daemon: {(ok ? "ok" : "FAILED")} in {elapsed.TotalSeconds:F1} s: " +
                          $"{projected / elapsed.TotalSeconds:N0} of its events/s ({projected:N0} events of its types; {events / elapsed.TotalSeconds:N0} events/s of the whole log).");

        var byProjection = await SnapshotAsync(bench.ConnectionString);
        await StageAsync(bench.ConnectionString, articles);
        await BuildSetBasedAsync(bench.ConnectionString);
        var setBased = await SnapshotAsync(bench.ConnectionString);
        var same = byProjection.Keys.All(t => byProjection[t] == setBased[t]);
        Console.WriteLine($"Set-based build of the same {ProjectedArticles:N0} articles: {(same ? "identical to the projection's tables" : "DIFFERS from the projection's tables")} " +
                          $"({string.Join(", ", byProjection.Select(p => $"{p.Key.Split('.')[1]} {p.Value.Count(c => c == '\n') + 1:N0} rows"))}).");
        if (!same) throw new InvalidOperationException("The set-based build does not give what the projection gives; its figures would not stand for the projection's.");
    }

    private static async Task<long> TimelineEventCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from mediamonitor.mt_events where type in ('article_ingested', 'article_matched', 'alert_raised', 'article_removed')", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Dictionary<string, string>> SnapshotAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var snapshot = new Dictionary<string, string>();
        foreach (var table in new[] { TimelineTables.Articles, Matches, Counts, Hours, Summary })
        {
            // Forms compared as sets: the projection stores them in its order, the staging in the generator's.
            var row = table == Matches ? "(t.article_id, t.watchlist_id, (select array_agg(f order by f) from unnest(t.forms) f), t.alerted)::text" : "t::text";
            await using var command = new NpgsqlCommand($"select coalesce(string_agg({row}, E'\\n' order by {row}), '') from {table} t", connection);
            snapshot[table] = (string)(await command.ExecuteScalarAsync())!;
        }
        return snapshot;
    }

    /// <summary>The articles and their matches into two staging tables, by binary COPY.</summary>
    private static async Task StageAsync(string connectionString, IEnumerable<Article> articles)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("""
            drop table if exists bench_articles; drop table if exists bench_matches;
            create unlogged table bench_articles (article_id uuid, at timestamptz, by_ingest_time boolean, lang text, source text);
            create unlogged table bench_matches (article_id uuid, watchlist_id uuid, forms text[]);
            """, connection)) await create.ExecuteNonQueryAsync();
        var matches = new List<(Guid, Guid, string[])>();
        await using (var copy = await connection.BeginBinaryImportAsync("copy bench_articles from stdin (format binary)"))
        {
            foreach (var a in articles)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(a.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(a.At.UtcDateTime, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(a.ByIngestTime, NpgsqlDbType.Boolean);
                await copy.WriteAsync(a.Lang, NpgsqlDbType.Text);
                await copy.WriteAsync(a.Source, NpgsqlDbType.Text);
                // The projection's own reduction of hits to form keys.
                matches.AddRange(a.Matches.Select(m => (a.Id, m.WatchlistId, TimelineProjection.Forms(new ArticleMatched(a.Id, m.WatchlistId, 1, m.Name,
                    m.Hits.Select(h => new MatchHit(h.Term, ArticleField.Body, 0, h.Text.Length, h.Text)).ToList(), a.At)))));
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("copy bench_matches from stdin (format binary)"))
        {
            foreach (var (article, watchlist, forms) in matches)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(article, NpgsqlDbType.Uuid);
                await copy.WriteAsync(watchlist, NpgsqlDbType.Uuid);
                await copy.WriteAsync(forms, NpgsqlDbType.Array | NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
    }

    /// <summary>
    /// The projection's tables from the staged articles in a few set-based statements: what the projection's statements
    /// give applied one event at a time (UTC slots as <see cref="ArticleTime"/> floors them; every match alerted once; the
    /// '*' rollups; co-occurrence both ways), emptied first. Returns the row counts.
    /// </summary>
    private static async Task<string> BuildSetBasedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        const string origin = "timestamptz '2000-01-01 00:00:00+00'";
        var sql = $"""
            set max_parallel_workers_per_gather = 2;
            truncate {TimelineTables.Articles}, {Matches}, {Counts}, {Hours}, {Summary};
            insert into {TimelineTables.Articles} (article_id, quarter, hour, day, by_ingest_time, lang, source)
            select article_id, date_bin('15 minutes', at, {origin}), date_bin('1 hour', at, {origin}), date_bin('1 day', at, {origin}), by_ingest_time, lang, source
            from bench_articles;
            insert into {Matches} (article_id, watchlist_id, forms, alerted) select article_id, watchlist_id, forms, true from bench_matches;
            insert into {Counts} (watchlist_id, lang, source, slot, articles, alerts, by_ingest_time)
            select m.watchlist_id, case when grouping(a.lang) = 1 then '{All}' else a.lang end, case when grouping(a.source) = 1 then '{All}' else a.source end,
                   a.quarter, count(*), count(*), count(*) filter (where a.by_ingest_time)
            from bench_matches m join {TimelineTables.Articles} a using (article_id)
            group by m.watchlist_id, a.quarter, grouping sets ((a.lang, a.source), (a.lang), (a.source), ());
            insert into {Hours} (watchlist_id, lang, source, slot, articles, alerts, by_ingest_time)
            select watchlist_id, lang, source, date_trunc('hour', slot), sum(articles), sum(alerts), sum(by_ingest_time)
            from {Counts} group by 1, 2, 3, 4;
            insert into {Summary} (watchlist_id, grain, slot, dim, key, articles, alerts)
            select watchlist_id, grain, slot, dim, key, count(*), sum(alert)
            from (
                select m.watchlist_id, g.grain, g.slot, d.dim, d.key, d.alert
                from bench_matches m join {TimelineTables.Articles} a using (article_id)
                cross join lateral (values ('h', a.hour), ('d', a.day)) g(grain, slot)
                cross join lateral (select 'all', '', 1 union all select 'source', a.source, 0 union all select 'lang', a.lang, 0
                                    union all select 'form', f, 0 from unnest(m.forms) f) d(dim, key, alert)
                union all
                select m.watchlist_id, g.grain, g.slot, 'watchlist', o.watchlist_id::text, 0
                from bench_matches m join bench_matches o on o.article_id = m.article_id and o.watchlist_id <> m.watchlist_id
                join {TimelineTables.Articles} a on a.article_id = m.article_id
                cross join lateral (values ('h', a.hour), ('d', a.day)) g(grain, slot)
            ) x
            group by watchlist_id, grain, slot, dim, key;
            """;
        await using (var build = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 }) await build.ExecuteNonQueryAsync();
        // As autovacuum would leave them in time: statistics, and a visibility map for index-only reads.
        await using (var vacuum = new NpgsqlCommand($"vacuum analyze {TimelineTables.Articles}, {Matches}, {Counts}, {Hours}, {Summary}", connection) { CommandTimeout = 0 })
            await vacuum.ExecuteNonQueryAsync();
        var counts = new List<string>();
        foreach (var table in new[] { Counts, Hours, Summary })
        {
            await using var count = new NpgsqlCommand($"select count(*) from {table}", connection);
            counts.Add($"{table.Split('.')[1]} {(long)(await count.ExecuteScalarAsync())!:N0} rows");
        }
        return string.Join(", ", counts);
    }
}
