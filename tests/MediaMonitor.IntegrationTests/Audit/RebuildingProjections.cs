using System.Net;
using System.Text.Json.Nodes;
using MediaMonitor.Alerts;
using MediaMonitor.Audit;
using MediaMonitor.Feeds;
using MediaMonitor.IntegrationTests.Feeds;
using MediaMonitor.IntegrationTests.Stories;
using MediaMonitor.Stories;
using MediaMonitor.Ingestion;
using MediaMonitor.Timelines;
using MediaMonitor.IntegrationTests.Webhooks;
using MediaMonitor.Spikes;
using MediaMonitor.Watchlists;
using MediaMonitor.Webhooks;
using Marten;
using Marten.Events;
using Wolverine;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Audit;

/// <summary>Replay is faithful: every projection rebuilt from the log alone is what it was.</summary>
public sealed class RebuildingProjections(AppFixture app) : ApiTest(app)
{
    private static readonly Type[] Projected =
    [
        typeof(Watchlist), typeof(ArticleView), typeof(AlertView), typeof(Subscription), typeof(Delivery),
        typeof(WatchlistMatchStats), typeof(SubscriptionHealth), typeof(Backfill), typeof(Feed), typeof(StoryView), typeof(SpikeWatch),
        typeof(SpikeView),
    ];

    /// <summary>Projections that keep tables of their own and no documents.</summary>
    private static readonly string[] TablesOnly = ["StoryIndex", TimelineProjection.ProjectionName];

    private async Task<Dictionary<string, string>> Snapshot()
    {
        var snapshot = new Dictionary<string, string>();
        await using var session = App.Store.QuerySession();
        foreach (var type in Projected)
        {
            var rows = await session.AdvancedSql.QueryAsync<string>($"select coalesce(string_agg(data::text, E'\\n' order by id), '') from {Table(type)}", CancellationToken.None);
            snapshot[type.Name] = rows.Single();
        }
        foreach (var table in ProjectionTables.All(App.Store))
        {
            // Rows as text in their text order: the same rows give the same snapshot, whatever order they were written in.
            // Not the transaction that wrote a row (the story index's xid), which a rebuild changes by design.
            var rows = await session.AdvancedSql.QueryAsync<string>(
                $"select coalesce(string_agg(r, E'\\n' order by r), '') from (select (to_jsonb(t) - 'xid')::text r from {table} t) rows", CancellationToken.None);
            snapshot[table] = rows.Single();
        }
        return snapshot;
    }

    private static string Table(Type type) => $"mediamonitor.mt_doc_{type.Name.ToLowerInvariant()}";   // Marten's default name

    private async Task Rebuild(string name)
    {
        // The rebuild runs as a Wolverine message: the tracked session ends when it has been handled.
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromMinutes(1)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            await Json(await PostJson($"/api/admin/projections/{name}/rebuild", new { }), HttpStatusCode.Accepted)));
        Assert.Single(tracked.Executed.MessagesOf<RebuildProjection>());
        var status = await Json(await Get($"/api/admin/projections/{name}/rebuild"), HttpStatusCode.OK);
        Assert.True(status["state"]!.GetValue<string>() == "Completed", $"{name}: {status}");
    }

    [Fact]
    public async Task rebuilding_every_projection_from_the_log_gives_back_exactly_what_was_there()
    {
        await using var receiver = await TestReceiver.StartAsync(0, new TestReceiver.Answer(500));
        var attacks = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await Json(await PostJson("/api/subscriptions", new { url = receiver.Url }), HttpStatusCode.Created);
        var first = (await Ingest(new { body = "A rocket attack hit the town." }))["alerts"]![0]!["alertId"]!.GetValue<Guid>();
        await Ingest(new { body = "Nothing happened." });
        await Json(await PutJson($"/api/watchlists/{attacks}/terms", new { terms = new[] { new { phrase = "rocket attack" }, new { phrase = "drone strike" } } }), HttpStatusCode.OK);
        var strike = (await Ingest(new { body = "A drone strike hit the convoy.", title = "Strike" }))["id"]!.GetValue<Guid>();
        // A wire story and its reprint: one story of two.
        await Ingest(new { body = WireCopies.AirportRockets, title = "Rockets hit near Baghdad airport", lang = "en", source = "Reuters" });
        await Ingest(new { body = WireCopies.AirportRocketsReprinted, title = "Baghdad airport targeted again", lang = "en", source = "Gulf Daily" });
        await CreateWatchlist("Elections", ("election", "en"));
        await Ingest(new { body = "The election followed a rocket attack." });
        await Json(await PostJson($"/api/watchlists/{attacks}/pause", new { }), HttpStatusCode.OK);
        await Json(await PostJson($"/api/alerts/{first}/acknowledge", new { note = "seen" }), HttpStatusCode.OK);
        await Json(await PostJson($"/api/alerts/{first}/dismiss", new { }), HttpStatusCode.OK);
        var drones = await CreateWatchlist("Drones", ("drone strike", "en"));
        // The backfill runs as a chain of Wolverine messages, one batch each: the tracked session follows it to its end.
        JsonNode backfill = null!;
        await App.Host.TrackActivity().Timeout(TimeSpan.FromMinutes(1)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            backfill = await Json(await PostJson($"/api/watchlists/{drones}/backfill", new { }), HttpStatusCode.Accepted)));
        Assert.Equal("Completed", (await Json(await Get($"/api/backfills/{backfill["id"]}"), HttpStatusCode.OK))["status"]!.GetValue<string>());
        // A feed that brought articles, then failed, then was paused.
        await using var site = await FeedServer.StartAsync();
        site.Serve("/rss", TestFeeds.Rss(TestFeeds.ArabicItems));
        JsonNode feed = null!;
        await App.Host.TrackActivity().Timeout(TimeSpan.FromMinutes(1)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            feed = await Json(await PostJson("/api/feeds", new { url = site.Url("/rss"), intervalSeconds = 3600 }), HttpStatusCode.Created)));
        site.Fail("/rss", 500);
        await App.Host.TrackActivity().Timeout(TimeSpan.FromMinutes(1)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            await Json(await PostJson($"/api/feeds/{feed["id"]}/poll", new { }), HttpStatusCode.Accepted)));
        await Json(await PostJson($"/api/feeds/{feed["id"]}/pause", new { }), HttpStatusCode.OK);
        // A takedown: the timeline's matched forms of the article go, as its words go from the events.
        Assert.Equal(HttpStatusCode.NoContent, (await Client().DeleteAsync($"/api/articles/{strike}")).StatusCode);
        // A spike: a day covered with one article, then five in the last hour against an expected half.
        var drills = await CreateWatchlist("Drills", ("military drill", "en"));
        await Json(await PutJson($"/api/watchlists/{drills}/spike-rule", new { window = "PT1H", baseline = "P1D", sensitivity = 0.001 }), HttpStatusCode.OK);
        var now = DateTimeOffset.UtcNow;
        await Ingest(new { body = "A military drill began.", publishedAt = now.AddDays(-2) });
        for (var i = 0; i < 5; i++) await Ingest(new { body = $"A military drill, report {i}.", publishedAt = now.AddMinutes(-40 + 5 * i) });
        // Polled: the first delivery's retry after the 500, and the release of those parked behind it while the endpoint
        // cools, are scheduled messages, which Wolverine's tracking counts as done once scheduled, not when they run.
        await Eventually(async () =>
        {
            await using var session = App.Store.QuerySession();
            var deliveries = await session.Query<Delivery>().ToListAsync();
            return deliveries.Count == 11 && deliveries.All(d => d.Status == DeliveryStatus.Delivered);
        }, "the deliveries to be delivered");
        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        // Again: the spike the detection recorded is an event of its own, for the spike's view.
        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        await using (var session = App.Store.QuerySession())
        {
            Assert.Equal(11, (await session.Query<SubscriptionHealth>().ToListAsync()).Sum(h => h.Delivered));
            Assert.Equal(11, (await session.Query<WatchlistMatchStats>().ToListAsync()).Sum(s => s.MatchCount));
            Assert.Single(await session.Query<SpikeView>().ToListAsync());
        }
        var before = await Snapshot();
        Assert.All(before, p => Assert.NotEqual("", p.Value));

        // Nothing of the projections left but the log.
        await using (var wipe = App.Store.LightweightSession())
        {
            foreach (var type in Projected) wipe.QueueSqlCommand($"delete from {Table(type)}");
            foreach (var table in ProjectionTables.All(App.Store)) wipe.QueueSqlCommand($"delete from {table}");
            await wipe.SaveChangesAsync();
        }
        Assert.All(await Snapshot(), p => Assert.Equal("", p.Value));

        var names = (await Json(await Get("/api/admin/projections"), HttpStatusCode.OK)).AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(Projected.Length + TablesOnly.Length, names.Count);
        foreach (var name in names) await Rebuild(name);
        var after = await Snapshot();

        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, rows) in before) Assert.Equal(rows, after[name]);
    }

    [Fact]
    public async Task a_rebuild_asked_for_twice_at_once_runs_once_and_its_status_is_kept_in_the_database()
    {
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await Ingest(new { body = "A rocket attack hit the town." });
        var answers = Array.Empty<HttpResponseMessage>();

        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromMinutes(2)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
        {
            answers = await Task.WhenAll(
                PostJson("/api/admin/projections/WatchlistMatchStats/rebuild", new { }),
                PostJson("/api/admin/projections/WatchlistMatchStats/rebuild", new { }));
        }));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Single(tracked.Executed.MessagesOf<RebuildProjection>());
        await using var session = App.Store.QuerySession();
        var stored = await session.LoadAsync<RebuildStatus>("WatchlistMatchStats");
        Assert.Equal(RebuildState.Completed, stored?.State);
        var answered = await Json(await Get("/api/admin/projections/WatchlistMatchStats/rebuild"), HttpStatusCode.OK);
        Assert.Equal("Completed", answered["state"]!.GetValue<string>());
        Assert.Equal(1, (await session.LoadAsync<WatchlistMatchStats>((await session.Query<Watchlist>().SingleAsync()).Id))?.MatchCount);
    }

    [Fact]
    public async Task an_unknown_projection_cannot_be_rebuilt_and_a_reader_may_not()
    {
        await Json(await PostJson("/api/admin/projections/Nope/rebuild", new { }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostJson("/api/admin/projections/AlertView/rebuild", new { }, AppFixture.ReadKey)).StatusCode);
    }
}
