using System.Net;
using System.Text.Json.Nodes;
using MediaMonitor.Ingestion;
using MediaMonitor.Watchlists;
using Marten;
using Wolverine;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Watchlists;

/// <summary>One alert per article and watchlist, whatever raises it again: a rename, a pause and resume, a change of
/// terms, a second backfill, two backfills at once.</summary>
public sealed class OneAlertPerArticle(AppFixture app) : ApiTest(app)
{
    private async Task<JsonNode> BackfillAndWait(Guid watchlist)
    {
        JsonNode started = null!;
        await App.Host.TrackActivity().Timeout(TimeSpan.FromMinutes(1)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            started = await Json(await PostJson($"/api/watchlists/{watchlist}/backfill", new { }), HttpStatusCode.Accepted)));
        return await Json(await Get($"/api/backfills/{started["id"]}"), HttpStatusCode.OK);
    }

    private async Task<int> AlertCount(Guid watchlist) =>
        (await Json(await Get($"/api/alerts?watchlistId={watchlist}&limit=500"), HttpStatusCode.OK))["items"]!.AsArray().Count;

    private async Task IngestFive()
    {
        for (var i = 0; i < 5; i++) await Ingest(new { body = $"Report {i}: a drone strike hit a convoy near the border.", lang = "en" });
    }

    [Fact]
    public async Task a_backfill_after_a_rename_or_a_pause_and_resume_raises_nothing_and_says_what_it_skipped()
    {
        await IngestFive();
        var watchlist = await CreateWatchlist("Drones", ("drone strike", "en"));
        Assert.Equal(5, (await BackfillAndWait(watchlist))["matched"]!.GetValue<long>());

        await Json(await PutJson($"/api/watchlists/{watchlist}/name", new { name = "Drone strikes" }), HttpStatusCode.OK);
        var afterRename = await BackfillAndWait(watchlist);
        await Json(await PostJson($"/api/watchlists/{watchlist}/pause", new { }), HttpStatusCode.OK);
        await Json(await PostJson($"/api/watchlists/{watchlist}/resume", new { }), HttpStatusCode.OK);
        var afterResume = await BackfillAndWait(watchlist);

        foreach (var backfill in new[] { afterRename, afterResume })
        {
            Assert.Equal(0, backfill["matched"]!.GetValue<long>());
            Assert.Equal(5, backfill["alreadyAlerted"]!.GetValue<long>());
        }
        Assert.Equal(5, await AlertCount(watchlist));
    }

    [Fact]
    public async Task new_terms_alert_the_articles_they_add_and_leave_the_alerted_ones_their_alert()
    {
        await IngestFive();
        await Ingest(new { body = "A rocket attack hit the airport.", lang = "en" });
        var watchlist = await CreateWatchlist("Attacks", ("drone strike", "en"));
        await BackfillAndWait(watchlist);
        var first = (await Json(await Get($"/api/alerts?watchlistId={watchlist}&limit=500"), HttpStatusCode.OK))["items"]!.AsArray()
            .Select(a => a!["id"]!.GetValue<Guid>()).ToHashSet();

        await Json(await PutJson($"/api/watchlists/{watchlist}/terms", new { terms = new[] { new { phrase = "drone strike" }, new { phrase = "rocket attack" } } }),
            HttpStatusCode.OK);
        var backfill = await BackfillAndWait(watchlist);

        Assert.Equal(1, backfill["matched"]!.GetValue<long>());
        Assert.Equal(5, backfill["alreadyAlerted"]!.GetValue<long>());
        var alerts = (await Json(await Get($"/api/alerts?watchlistId={watchlist}&limit=500"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(6, alerts.Count);
        Assert.Subset(alerts.Select(a => a!["id"]!.GetValue<Guid>()).ToHashSet(), first);
        Assert.Equal(2, alerts.Single(a => !first.Contains(a!["id"]!.GetValue<Guid>()))!["watchlistVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task two_backfills_of_one_watchlist_at_once_raise_one_alert_per_article()
    {
        await IngestFive();
        var watchlist = await CreateWatchlist("Drones", ("drone strike", "en"));
        // Two backfills started side by side, as two nodes could (the endpoint refuses a second one only when it sees the first).
        var ids = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
        await using (var session = App.Store.LightweightSession())
        {
            foreach (var id in ids)
                session.Events.StartStream<Backfill>(id, new BackfillStarted(id, watchlist, 1, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        await App.Host.TrackActivity().Timeout(TimeSpan.FromMinutes(1)).DoNotAssertOnExceptionsDetected()
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async bus =>
            {
                await bus.SendAsync(new RunBackfill(ids[0]));
                await bus.SendAsync(new RunBackfill(ids[1]));
            }));

        var backfills = await Task.WhenAll(ids.Select(async id => await Json(await Get($"/api/backfills/{id}"), HttpStatusCode.OK)));
        Assert.All(backfills, b => Assert.Equal("Completed", b["status"]!.GetValue<string>()));
        Assert.Equal(5, backfills.Sum(b => b["matched"]!.GetValue<long>()));
        Assert.Equal(5, await AlertCount(watchlist));
    }

    [Fact]
    public async Task an_alerts_explanation_holds_only_the_match_that_raised_it()
    {
        var article = await Ingest(new { body = "A drone strike hit a convoy near the border.", lang = "en" });
        var watchlist = await CreateWatchlist("Drones", ("drone strike", "en"));
        await BackfillAndWait(watchlist);
        var alert = (await Json(await Get($"/api/alerts?watchlistId={watchlist}"), HttpStatusCode.OK))["items"]![0]!["id"]!.GetValue<Guid>();
        // A second match of the same watchlist, at a later version, as backfills recorded before one alert per pair held.
        await using (var session = App.Store.LightweightSession())
        {
            session.Events.Append(article["id"]!.GetValue<Guid>(), new ArticleMatched(article["id"]!.GetValue<Guid>(), watchlist, 2, "Drones",
                [new MatchHit("drone strike", MediaMonitor.Matching.ArticleField.Body, 2, 12, "drone strike")], DateTimeOffset.UtcNow, Backfill: true));
            await session.SaveChangesAsync();
        }

        var chain = (await Json(await Get($"/api/alerts/{alert}/explain"), HttpStatusCode.OK))["chain"]!.AsArray();

        var matched = Assert.Single(chain, e => e!["type"]!.GetValue<string>() == "article_matched")!;
        Assert.Equal(1, matched["data"]!["watchlistVersion"]!.GetValue<int>());
    }
}
