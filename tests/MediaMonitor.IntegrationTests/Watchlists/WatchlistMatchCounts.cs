using System.Net;
using System.Text.Json.Nodes;
using Marten.Events;

namespace MediaMonitor.IntegrationTests.Watchlists;

/// <summary>matchCount and lastMatchAt, kept by an asynchronous projection of the matches.</summary>
public sealed class WatchlistMatchCounts(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task after_matching_articles_the_watchlist_shows_its_match_count_and_last_match_time()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        var bridges = await CreateWatchlist("Bridges", ("bridge collapse", "en"));
        var quiet = await CreateWatchlist("Quiet", ("volcanic eruption", "en"));

        await Ingest(Article("Report one", "Residents said a rocket attack hit the northern district before dawn."));
        await Ingest(Article("Report two", "Engineers are inspecting the river after a bridge collapse on Monday."));
        var both = await Ingest(Article("Report three", "A rocket attack was followed within hours by a bridge collapse downstream."));
        var none = await Ingest(Article("Report four", "The weather was calm and the markets opened as usual."));
        Assert.Empty(none["alerts"]!.AsArray());

        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var rocketView = await Json(await Get($"/api/watchlists/{rockets}"), HttpStatusCode.OK);
        var bridgeView = await Json(await Get($"/api/watchlists/{bridges}"), HttpStatusCode.OK);
        var quietView = await Json(await Get($"/api/watchlists/{quiet}"), HttpStatusCode.OK);
        Assert.Equal(2, rocketView["matchCount"]!.GetValue<long>());
        Assert.Equal(2, bridgeView["matchCount"]!.GetValue<long>());
        Assert.Equal(0, quietView["matchCount"]!.GetValue<long>());
        Assert.Null(quietView["lastMatchAt"]);

        // The last match of each is the one of the third article: its alerts were raised at that instant.
        var lastRocket = await RaisedAt(both, rockets);
        var lastBridge = await RaisedAt(both, bridges);
        Assert.Equal(lastRocket, rocketView["lastMatchAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(lastBridge, bridgeView["lastMatchAt"]!.GetValue<DateTimeOffset>());

        var list = (await Json(await Get("/api/watchlists"), HttpStatusCode.OK)).AsArray();
        Assert.Equal(
            new[] { ("Bridges", 2L), ("Quiet", 0L), ("Rockets", 2L) },
            list.Select(x => (x!["name"]!.GetValue<string>(), x["matchCount"]!.GetValue<long>())));
    }

    [Fact]
    public async Task matches_keep_counting_across_a_terms_change()
    {
        var watchlist = await CreateWatchlist("Security", ("rocket attack", "en"));
        await Ingest(Article("Report one", "Residents said a rocket attack hit the northern district before dawn."));
        await Json(await PutJson($"/api/watchlists/{watchlist}/terms",
            new { terms = new[] { new { phrase = "bridge collapse", lang = "en" } } }), HttpStatusCode.OK);
        var last = await Ingest(Article("Report two", "Engineers are inspecting the river after a bridge collapse on Monday."));

        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var view = await Json(await Get($"/api/watchlists/{watchlist}"), HttpStatusCode.OK);
        Assert.Equal(2, view["matchCount"]!.GetValue<long>());
        Assert.Equal(2, view["version"]!.GetValue<int>());
        Assert.Equal(await RaisedAt(last, watchlist), view["lastMatchAt"]!.GetValue<DateTimeOffset>());
    }

    private async Task<DateTimeOffset> RaisedAt(JsonNode ingested, Guid watchlist)
    {
        var alert = ingested["alerts"]!.AsArray().Single(a => a!["watchlistId"]!.GetValue<Guid>() == watchlist)!;
        var stored = await Json(await Get($"/api/alerts/{alert["alertId"]!.GetValue<Guid>()}"), HttpStatusCode.OK);
        return stored["raisedAt"]!.GetValue<DateTimeOffset>();
    }

    private static object Article(string title, string body) =>
        new { title, body, lang = "en", source = "Wire" };
}
