using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MediaMonitor.IntegrationTests.Webhooks;
using MediaMonitor.Ingestion;
using MediaMonitor.Watchlists;
using Marten;
using Wolverine;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Watchlists;

public sealed class BackfillingWatchlists(AppFixture app) : ApiTest(app)
{
    /// <summary>Runs <paramref name="start"/> in a tracked session: a backfill runs as a chain of Wolverine messages, one
    /// batch each, and the session lasts until the last of them has been handled.</summary>
    private Task Tracked(Func<Task> start) =>
        App.Host.TrackActivity().Timeout(TimeSpan.FromMinutes(1)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => start()));

    private async Task<JsonNode> BackfillAndWait(Guid watchlist)
    {
        JsonNode started = null!;
        await Tracked(async () => started = await Json(await PostJson($"/api/watchlists/{watchlist}/backfill", new { }), HttpStatusCode.Accepted));
        var backfill = await Json(await Get($"/api/backfills/{started["id"]}"), HttpStatusCode.OK);
        Assert.Equal("Completed", backfill["status"]!.GetValue<string>());
        return backfill;
    }

    [Fact]
    public async Task a_new_watchlist_finds_past_articles_once_and_subscribers_can_tell_backfill_alerts_apart()
    {
        await using var everything = await TestReceiver.StartAsync();
        await using var liveOnly = await TestReceiver.StartAsync();
        await Ingest(new { body = "A drone strike hit the convoy." });
        await Ingest(new { body = "Nothing happened today." });
        await Ingest(new { title = "Drone strike", body = "Officials said little." });
        var watchlist = await CreateWatchlist("Drones", ("drone strike", "en"));
        await Json(await PostJson("/api/subscriptions", new { url = everything.Url }), HttpStatusCode.Created);
        await Json(await PostJson("/api/subscriptions", new { url = liveOnly.Url, includeBackfill = false }), HttpStatusCode.Created);

        var backfill = await BackfillAndWait(watchlist);

        Assert.Equal(3, backfill["scanned"]!.GetValue<long>());
        Assert.Equal(2, backfill["matched"]!.GetValue<long>());
        var alerts = (await Json(await Get($"/api/alerts?watchlistId={watchlist}"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.True(a!["backfill"]!.GetValue<bool>()));
        var received = new[] { await everything.NextAsync(), await everything.NextAsync() };
        Assert.All(received, r => Assert.True(JsonNode.Parse(r.Text)!["data"]!["backfill"]!.GetValue<bool>()));
        await liveOnly.NothingMoreAsync(TimeSpan.FromSeconds(2));

        var again = await BackfillAndWait(watchlist);
        Assert.Equal(0, again["matched"]!.GetValue<long>());
        Assert.Equal(2, (await Json(await Get($"/api/alerts?watchlistId={watchlist}"), HttpStatusCode.OK))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task a_backfill_of_a_range_reads_the_articles_taken_in_within_it_and_no_others()
    {
        await Ingest(new { body = "Report 1: a drone strike hit a convoy.", lang = "en" });
        var second = await Ingest(new { body = "Report 2: a drone strike hit a convoy.", lang = "en" });
        var third = await Ingest(new { body = "Report 3: a drone strike hit a convoy.", lang = "en" });
        await Ingest(new { body = "Report 4: a drone strike hit a convoy.", lang = "en" });
        var from = (await Json(await Get($"/api/articles/{second["id"]}"), HttpStatusCode.OK))["ingestedAt"]!.GetValue<DateTimeOffset>();
        var to = (await Json(await Get($"/api/articles/{third["id"]}"), HttpStatusCode.OK))["ingestedAt"]!.GetValue<DateTimeOffset>().AddTicks(10);
        var watchlist = await CreateWatchlist("Drones", ("drone strike", "en"));

        JsonNode started = null!;
        await Tracked(async () => started = await Json(await PostJson($"/api/watchlists/{watchlist}/backfill", new { from, to }), HttpStatusCode.Accepted));
        var backfill = await Json(await Get($"/api/backfills/{started["id"]}"), HttpStatusCode.OK);

        Assert.Equal((2L, 2L), (backfill["scanned"]!.GetValue<long>(), backfill["matched"]!.GetValue<long>()));
        var alerted = (await Json(await Get($"/api/alerts?watchlistId={watchlist}"), HttpStatusCode.OK))["items"]!.AsArray()
            .Select(a => a!["articleId"]!.GetValue<Guid>()).Order();
        Assert.Equal(new[] { second["id"]!.GetValue<Guid>(), third["id"]!.GetValue<Guid>() }.Order(), alerted);
    }

    [Fact]
    public async Task a_backfill_ends_when_the_intake_time_column_is_a_microsecond_off_the_documents()
    {
        await Ingest(new { body = "Report 1: a drone strike hit a convoy.", lang = "en" });
        await Ingest(new { body = "Report 2: a quiet day.", lang = "en" });
        // As PostgreSQL rounds, where Npgsql cuts, when Marten adds the column to rows written before it existed.
        await using (var session = App.Store.LightweightSession())
        {
            session.QueueSqlCommand($"update {App.Store.Options.Schema.For<ArticleView>()} set ingested_at = ingested_at + interval '1 microsecond'");
            await session.SaveChangesAsync();
        }
        var watchlist = await CreateWatchlist("Drones", ("drone strike", "en"));

        var backfill = await BackfillAndWait(watchlist);

        Assert.Equal((2L, 1L), (backfill["scanned"]!.GetValue<long>(), backfill["matched"]!.GetValue<long>()));
    }

    [Fact]
    public async Task pausing_the_watchlist_stops_its_backfill()
    {
        var batch = Enumerable.Range(0, 1000).Select(i => new { body = $"Report {i}: a drone strike hit a convoy." });
        (await Client(AppFixture.IngestKey).PostAsJsonAsync("/api/articles/batch", batch)).EnsureSuccessStatusCode();
        var watchlist = await CreateWatchlist("Drones", ("drone strike", "en"));
        JsonNode started = null!;
        await Tracked(async () =>
        {
            started = await Json(await PostJson($"/api/watchlists/{watchlist}/backfill", new { }), HttpStatusCode.Accepted);
            await Json(await PostJson($"/api/watchlists/{watchlist}/pause", new { }), HttpStatusCode.OK);
        });

        var backfill = await Json(await Get($"/api/backfills/{started["id"]}"), HttpStatusCode.OK);
        Assert.Equal("Completed", backfill["status"]!.GetValue<string>());
        Assert.Contains("paused", backfill["stoppedBecause"]!.GetValue<string>());
        Assert.True(backfill["scanned"]!.GetValue<long>() < 1000);
    }

    [Fact]
    public async Task a_paused_or_unknown_watchlist_is_not_backfilled()
    {
        var watchlist = await CreateWatchlist("Drones", ("drone strike", "en"));
        await PostJson($"/api/watchlists/{watchlist}/pause", new { });
        await Json(await PostJson($"/api/watchlists/{watchlist}/backfill", new { }), HttpStatusCode.Conflict);
        await Json(await PostJson($"/api/watchlists/{Guid.NewGuid()}/backfill", new { }), HttpStatusCode.NotFound);
        var now = DateTimeOffset.UtcNow;
        await Json(await PostJson($"/api/watchlists/{watchlist}/backfill", new { from = now, to = now.AddDays(-1) }), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task a_backfill_cut_short_by_a_restart_goes_on_where_it_stopped_and_raises_each_alert_once()
    {
        await using var database = await App.Database.SiblingAsync();
        const int articles = 2000;
        Guid backfillId;
        long batchesBeforeStop;
        await using (var first = await AppFixture.StartHostAsync(database.ConnectionString))
        {
            var client = AppFixture.AdminClient(first);
            for (var b = 0; b < articles / 1000; b++)
            {
                var batch = Enumerable.Range(b * 1000, 1000).Select(i => new { body = i % 4 == 0 ? $"Report {i}: a drone strike hit a convoy." : $"Report {i}: a quiet day." });
                (await client.PostAsJsonAsync("/api/articles/batch", batch)).EnsureSuccessStatusCode();
            }
            var watchlist = await client.PostAsJsonAsync("/api/watchlists", new { name = "Drones", terms = new[] { new { phrase = "drone strike" } } });
            var id = JsonNode.Parse(await watchlist.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
            JsonNode started = null!;
            // Until the first batch has been handled and committed; the next one, which it sent, is left running.
            await first.TrackActivity().Timeout(TimeSpan.FromMinutes(1)).WaitForExecutionOf<RunBackfill>()
                .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
                    started = JsonNode.Parse(await (await client.PostAsJsonAsync($"/api/watchlists/{id}/backfill", new { })).Content.ReadAsStringAsync())!));
            backfillId = started["id"]!.GetValue<Guid>();
            var progress = JsonNode.Parse(await client.GetStringAsync($"/api/backfills/{backfillId}"))!;
            Assert.True(progress["batches"]!.GetValue<int>() >= 1, $"a first batch: {progress}");
            await first.StopAsync();
            batchesBeforeStop = progress["batches"]!.GetValue<int>();
        }
        Assert.True(batchesBeforeStop < articles / 200, "the backfill had not finished before the stop");

        await using var second = await AppFixture.StartHostAsync(database.ConnectionString);
        var admin = AppFixture.AdminClient(second);
        // Polled: the new host takes up the backfill's next batch from the durable inbox by itself as it starts, before a
        // tracked session on it could begin, and how many batches are left depends on where the stop cut it.
        JsonNode? done = null;
        await Eventually(async () =>
        {
            done = JsonNode.Parse(await admin.GetStringAsync($"/api/backfills/{backfillId}"))!;
            return done["status"]!.GetValue<string>() == "Completed";
        }, "the backfill to complete on the new host");
        Assert.Equal(articles, done!["scanned"]!.GetValue<long>());
        Assert.Equal(articles / 4, done["matched"]!.GetValue<long>());
        var alerts = JsonNode.Parse(await admin.GetStringAsync("/api/alerts?limit=500"))!;
        var total = alerts["items"]!.AsArray().Count;
        for (var cursor = alerts["nextCursor"]?.GetValue<string>(); cursor is not null;)
        {
            var page = JsonNode.Parse(await admin.GetStringAsync($"/api/alerts?limit=500&cursor={Uri.EscapeDataString(cursor)}"))!;
            total += page["items"]!.AsArray().Count;
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        Assert.Equal(articles / 4, total);
    }
}
