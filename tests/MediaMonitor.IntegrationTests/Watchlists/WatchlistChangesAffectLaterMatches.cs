using System.Net;
using System.Text.Json.Nodes;
using MediaMonitor.Alerts;
using MediaMonitor.Ingestion;

namespace MediaMonitor.IntegrationTests.Watchlists;

/// <summary>
/// A change to a watchlist decides the matches of the articles ingested after it; alerts already raised keep
/// the version, name and hits they were raised with.
/// </summary>
public sealed class WatchlistChangesAffectLaterMatches(AppFixture app) : ApiTest(app)
{
    private const string RocketBody = "Residents said a rocket attack hit the northern district before dawn on Tuesday.";
    private const string BridgeBody = "Engineers are inspecting the river crossing after a bridge collapse on Monday evening.";

    [Fact]
    public async Task when_terms_change_later_articles_match_the_new_terms_and_earlier_alerts_keep_version_1()
    {
        var watchlist = await CreateWatchlist("Security", ("rocket attack", "en"));

        var first = await Ingest(Article("Morning report", RocketBody));
        var firstAlert = Assert.Single(first["alerts"]!.AsArray())!;
        Assert.Equal(watchlist, firstAlert["watchlistId"]!.GetValue<Guid>());
        Assert.Equal(1, firstAlert["watchlistVersion"]!.GetValue<int>());

        var changed = await Json(await PutJson($"/api/watchlists/{watchlist}/terms",
            new { terms = new[] { new { phrase = "bridge collapse", lang = "en" } } }), HttpStatusCode.OK);
        Assert.Equal(2, changed["version"]!.GetValue<int>());

        var second = await Ingest(Article("Evening report", BridgeBody));
        var secondAlert = Assert.Single(second["alerts"]!.AsArray())!;
        Assert.Equal(watchlist, secondAlert["watchlistId"]!.GetValue<Guid>());
        Assert.Equal(2, secondAlert["watchlistVersion"]!.GetValue<int>());

        var a = await Json(await Get($"/api/alerts/{firstAlert["alertId"]!.GetValue<Guid>()}"), HttpStatusCode.OK);
        Assert.Equal(1, a["watchlistVersion"]!.GetValue<int>());
        var aHit = Assert.Single(a["hits"]!.AsArray())!;
        Assert.Equal("rocket attack", aHit["text"]!.GetValue<string>());
        Assert.Equal("body", aHit["field"]!.GetValue<string>());
        Assert.Equal(RocketBody.IndexOf("rocket attack", StringComparison.Ordinal), aHit["start"]!.GetValue<int>());
        Assert.Equal("rocket attack".Length, aHit["length"]!.GetValue<int>());

        var b = await Json(await Get($"/api/alerts/{secondAlert["alertId"]!.GetValue<Guid>()}"), HttpStatusCode.OK);
        Assert.Equal(2, b["watchlistVersion"]!.GetValue<int>());
        var bHit = Assert.Single(b["hits"]!.AsArray())!;
        Assert.Equal("bridge collapse", bHit["text"]!.GetValue<string>());
        Assert.Equal(BridgeBody.IndexOf("bridge collapse", StringComparison.Ordinal), bHit["start"]!.GetValue<int>());

        var feed = await Json(await Get($"/api/alerts?watchlistId={watchlist}"), HttpStatusCode.OK);
        Assert.Equal(new[] { 2, 1 }, feed["items"]!.AsArray().Select(x => x!["watchlistVersion"]!.GetValue<int>()));
    }

    [Fact]
    public async Task after_a_terms_change_an_article_matching_only_the_old_term_raises_nothing()
    {
        var watchlist = await CreateWatchlist("Security", ("rocket attack", "en"));
        await Json(await PutJson($"/api/watchlists/{watchlist}/terms",
            new { terms = new[] { new { phrase = "bridge collapse", lang = "en" } } }), HttpStatusCode.OK);
        var before = (await AllEvents()).Count;

        var ingested = await Ingest(Article("Morning report", RocketBody));

        Assert.Equal("created", ingested["status"]!.GetValue<string>());
        Assert.Empty(ingested["alerts"]!.AsArray());
        var appended = (await AllEvents()).Skip(before).ToList();
        Assert.Equal(new[] { typeof(ArticleIngested) }, appended.Select(e => e.EventType));
        var feed = await Json(await Get("/api/alerts"), HttpStatusCode.OK);
        Assert.Empty(feed["items"]!.AsArray());
    }

    [Fact]
    public async Task a_term_added_later_raises_alerts_at_the_new_version_alongside_the_old_term()
    {
        var watchlist = await CreateWatchlist("Security", ("rocket attack", "en"));
        await Json(await PutJson($"/api/watchlists/{watchlist}/terms", new
        {
            terms = new[] { new { phrase = "rocket attack", lang = "en" }, new { phrase = "bridge collapse", lang = "en" } },
        }), HttpStatusCode.OK);

        var rocket = await Ingest(Article("Morning report", RocketBody));
        var bridge = await Ingest(Article("Evening report", BridgeBody));

        Assert.Equal(2, Assert.Single(rocket["alerts"]!.AsArray())!["watchlistVersion"]!.GetValue<int>());
        Assert.Equal(2, Assert.Single(bridge["alerts"]!.AsArray())!["watchlistVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task after_a_rename_later_alerts_carry_the_new_name_and_earlier_ones_keep_the_old()
    {
        var watchlist = await CreateWatchlist("Old name", ("rocket attack", "en"));
        var first = await Ingest(Article("Morning report", RocketBody));
        await Json(await PutJson($"/api/watchlists/{watchlist}/name", new { name = "New name" }), HttpStatusCode.OK);

        var second = await Ingest(Article("Evening report", "Officials confirmed a second rocket attack near the airport at midnight."));

        var firstAlert = Assert.Single(first["alerts"]!.AsArray())!;
        var secondAlert = Assert.Single(second["alerts"]!.AsArray())!;
        Assert.Equal(("Old name", 1), (firstAlert["watchlistName"]!.GetValue<string>(), firstAlert["watchlistVersion"]!.GetValue<int>()));
        Assert.Equal(("New name", 2), (secondAlert["watchlistName"]!.GetValue<string>(), secondAlert["watchlistVersion"]!.GetValue<int>()));
        var stored = await Json(await Get($"/api/alerts/{firstAlert["alertId"]!.GetValue<Guid>()}"), HttpStatusCode.OK);
        Assert.Equal("Old name", stored["watchlistName"]!.GetValue<string>());
        Assert.Equal(1, stored["watchlistVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task a_paused_watchlist_raises_no_alert_and_after_resume_it_does_again()
    {
        var watchlist = await CreateWatchlist("Security", ("rocket attack", "en"));
        await Json(await Client().PostAsync($"/api/watchlists/{watchlist}/pause", null), HttpStatusCode.OK);

        var whilePaused = await Ingest(Article("Morning report", RocketBody));
        Assert.Equal("created", whilePaused["status"]!.GetValue<string>());
        Assert.Empty(whilePaused["alerts"]!.AsArray());

        var resumed = await Json(await Client().PostAsync($"/api/watchlists/{watchlist}/resume", null), HttpStatusCode.OK);
        Assert.Equal(3, resumed["version"]!.GetValue<int>());

        var afterResume = await Ingest(Article("Evening report", "Officials confirmed a second rocket attack near the airport at midnight."));
        var alert = Assert.Single(afterResume["alerts"]!.AsArray())!;
        Assert.Equal(watchlist, alert["watchlistId"]!.GetValue<Guid>());
        Assert.Equal(3, alert["watchlistVersion"]!.GetValue<int>());

        // The article ingested while paused is not matched after the fact.
        var feed = await Json(await Get($"/api/alerts?watchlistId={watchlist}"), HttpStatusCode.OK);
        var only = Assert.Single(feed["items"]!.AsArray())!;
        Assert.Equal(afterResume["id"]!.GetValue<Guid>(), only["articleId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task pausing_one_watchlist_leaves_another_with_the_same_term_raising_alerts()
    {
        var paused = await CreateWatchlist("Paused", ("rocket attack", "en"));
        var active = await CreateWatchlist("Active", ("rocket attack", "en"));
        await Json(await Client().PostAsync($"/api/watchlists/{paused}/pause", null), HttpStatusCode.OK);

        var ingested = await Ingest(Article("Morning report", RocketBody));

        Assert.Equal(new[] { active }, ingested["alerts"]!.AsArray().Select(a => a!["watchlistId"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task an_archived_watchlist_raises_no_alert()
    {
        var watchlist = await CreateWatchlist("Security", ("rocket attack", "en"));
        await Json(await Client().PostAsync($"/api/watchlists/{watchlist}/archive", null), HttpStatusCode.OK);
        var before = (await AllEvents()).Count;

        var ingested = await Ingest(Article("Morning report", RocketBody));

        Assert.Empty(ingested["alerts"]!.AsArray());
        Assert.DoesNotContain((await AllEvents()).Skip(before), e => e.EventType == typeof(AlertRaised));
    }

    private static object Article(string title, string body) =>
        new { title, body, lang = "en", source = "Wire", publishedAt = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero) };
}
