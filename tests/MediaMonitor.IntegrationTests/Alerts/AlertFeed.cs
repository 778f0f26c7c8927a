using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Alerts;

/// <summary>GET /api/alerts: newest first, filtered by watchlist, language, source and time raised.</summary>
public sealed class AlertFeed(AppFixture app) : ApiTest(app)
{
    private const string ArabicTerm = "هجوم صاروخي";

    [Fact]
    public async Task the_feed_lists_alerts_newest_first_with_what_a_reader_needs()
    {
        var watchlist = await CreateWatchlist("Security", ("rocket attack", "en"));
        var a1 = await RaiseOne(1, source: "Reuters");
        var a2 = await RaiseOne(2, source: "AFP");
        var a3 = await RaiseOne(3, source: "Reuters");

        var feed = await Json(await Get("/api/alerts"), HttpStatusCode.OK);

        var items = feed["items"]!.AsArray();
        Assert.Equal(new[] { a3, a2, a1 }, Ids(items));
        Assert.Null(feed["nextCursor"]);
        var raised = items.Select(x => x!["raisedAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.True(raised[0] > raised[1] && raised[1] > raised[2], $"raisedAt not descending: {string.Join(", ", raised)}");

        var newest = items[0]!;
        Assert.Equal(watchlist, newest["watchlistId"]!.GetValue<Guid>());
        Assert.Equal("Security", newest["watchlistName"]!.GetValue<string>());
        Assert.Equal(1, newest["watchlistVersion"]!.GetValue<int>());
        Assert.Equal("Dispatch 3", newest["articleTitle"]!.GetValue<string>());
        Assert.Equal("en", newest["lang"]!.GetValue<string>());
        Assert.Equal("Reuters", newest["source"]!.GetValue<string>());
        Assert.Equal("https://news.example/dispatch/3", newest["url"]!.GetValue<string>());
        var hit = Assert.Single(newest["hits"]!.AsArray())!;
        Assert.Equal("rocket attack", hit["text"]!.GetValue<string>());
        Assert.Equal(Body(3).IndexOf("rocket attack", StringComparison.Ordinal), hit["start"]!.GetValue<int>());
    }

    [Fact]
    public async Task an_empty_feed_has_no_items_and_no_next_cursor()
    {
        var feed = await Json(await Get("/api/alerts"), HttpStatusCode.OK);

        Assert.Empty(feed["items"]!.AsArray());
        Assert.Null(feed["nextCursor"]);
    }

    [Fact]
    public async Task filtering_by_watchlist_lists_only_that_watchlists_alerts()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        var bridges = await CreateWatchlist("Bridges", ("bridge collapse", "en"));
        var r1 = await IngestOne("Dispatch 1", "Residents said a rocket attack hit the northern district before dawn.");
        var b1 = await IngestOne("Dispatch 2", "Engineers are inspecting the river after a bridge collapse on Monday.");
        var both = await Ingest(Article("Dispatch 3", "A rocket attack was followed within hours by a bridge collapse downstream."));
        var bothRockets = AlertOf(both, rockets);
        var bothBridges = AlertOf(both, bridges);

        var rocketFeed = await Json(await Get($"/api/alerts?watchlistId={rockets}"), HttpStatusCode.OK);
        var bridgeFeed = await Json(await Get($"/api/alerts?watchlistId={bridges}"), HttpStatusCode.OK);
        var unknownFeed = await Json(await Get($"/api/alerts?watchlistId={Guid.NewGuid()}"), HttpStatusCode.OK);

        Assert.Equal(new[] { bothRockets, r1 }, Ids(rocketFeed["items"]!.AsArray()));
        Assert.Equal(new[] { bothBridges, b1 }, Ids(bridgeFeed["items"]!.AsArray()));
        Assert.Empty(unknownFeed["items"]!.AsArray());
    }

    [Fact]
    public async Task filtering_by_language_lists_only_alerts_on_articles_in_that_language()
    {
        await CreateWatchlist("Rockets", ("rocket attack", "en"));
        await CreateWatchlist("صواريخ", (ArabicTerm, "ar"));
        var en1 = await IngestOne("Dispatch 1", "Residents said a rocket attack hit the northern district before dawn.");
        var ar = Single(await Ingest(new
        {
            title = "تقرير الصباح", body = $"أفادت مصادر محلية بوقوع {ArabicTerm} على المدينة فجر اليوم.", lang = "ar", source = "Wire",
        }));
        var en2 = await IngestOne("Dispatch 3", "Officials confirmed a second rocket attack near the airport at midnight.");

        var arabic = await Json(await Get("/api/alerts?lang=ar"), HttpStatusCode.OK);
        var english = await Json(await Get("/api/alerts?lang=en"), HttpStatusCode.OK);
        var upper = await Json(await Get("/api/alerts?lang=EN"), HttpStatusCode.OK);
        var french = await Json(await Get("/api/alerts?lang=fr"), HttpStatusCode.OK);

        Assert.Equal(new[] { ar }, Ids(arabic["items"]!.AsArray()));
        Assert.Equal("ar", arabic["items"]![0]!["lang"]!.GetValue<string>());
        Assert.Equal(new[] { en2, en1 }, Ids(english["items"]!.AsArray()));
        Assert.Equal(new[] { en2, en1 }, Ids(upper["items"]!.AsArray()));
        Assert.Empty(french["items"]!.AsArray());
    }

    [Fact]
    public async Task filtering_by_source_lists_only_alerts_on_articles_from_that_source()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        var r1 = await RaiseOne(1, source: "Reuters");
        var afp = await RaiseOne(2, source: "AFP");
        var r2 = await RaiseOne(3, source: "Reuters");
        await RaiseOne(4, source: null);

        Assert.Equal(new[] { r2, r1 }, Ids((await Json(await Get("/api/alerts?source=Reuters"), HttpStatusCode.OK))["items"]!.AsArray()));
        Assert.Equal(new[] { afp }, Ids((await Json(await Get("/api/alerts?source=AFP"), HttpStatusCode.OK))["items"]!.AsArray()));
        Assert.Equal(new[] { afp }, Ids((await Json(await Get("/api/alerts?source=%20AFP%20"), HttpStatusCode.OK))["items"]!.AsArray()));
        Assert.Empty((await Json(await Get("/api/alerts?source=BBC"), HttpStatusCode.OK))["items"]!.AsArray());
    }

    [Fact]
    public async Task the_time_range_includes_from_and_excludes_to_on_raised_at()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        var ids = new List<Guid>();
        for (var n = 1; n <= 5; n++) ids.Add(await RaiseOne(n));
        var all = (await Json(await Get("/api/alerts"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(Enumerable.Reverse(ids), Ids(all));
        // raisedAt as the feed gives it, by alert, oldest (t[0]) to newest (t[4]).
        var t = Enumerable.Reverse(all).Select(x => x!["raisedAt"]!.GetValue<string>()).ToList();

        var between = await Feed($"from={Escape(t[1])}&to={Escape(t[3])}");
        var fromOnly = await Feed($"from={Escape(t[3])}");
        var toOnly = await Feed($"to={Escape(t[1])}");
        var wide = await Feed($"from={Escape(DateTimeOffset.Parse(t[0]).AddMinutes(-1).ToString("O"))}&to={Escape(DateTimeOffset.Parse(t[4]).AddMinutes(1).ToString("O"))}");
        var before = await Feed($"to={Escape(DateTimeOffset.Parse(t[0]).AddSeconds(-1).ToString("O"))}");

        Assert.Equal(new[] { ids[2], ids[1] }, between);
        Assert.Equal(new[] { ids[4], ids[3] }, fromOnly);
        Assert.Equal(new[] { ids[0] }, toOnly);
        Assert.Equal(Enumerable.Reverse(ids), wide);
        Assert.Empty(before);
    }

    [Fact]
    public async Task a_time_range_given_in_another_offset_means_the_same_instants()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        var first = await RaiseOne(1);
        var second = await RaiseOne(2);
        var all = (await Json(await Get("/api/alerts"), HttpStatusCode.OK))["items"]!.AsArray();
        var secondRaised = all.Single(x => x!["id"]!.GetValue<Guid>() == second)!["raisedAt"]!.GetValue<DateTimeOffset>();

        var inTokyo = secondRaised.ToOffset(TimeSpan.FromHours(9)).ToString("O");
        var items = await Feed($"to={Escape(inTokyo)}");

        Assert.Equal(new[] { first }, items);
    }

    [Fact]
    public async Task filters_combine()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        await CreateWatchlist("Bridges", ("bridge collapse", "en"));
        await IngestOne("Dispatch 1", "Residents said a rocket attack hit the northern district before dawn.", source: "AFP");
        await IngestOne("Dispatch 2", "Engineers are inspecting the river after a bridge collapse on Monday.", source: "Reuters");
        var wanted = await IngestOne("Dispatch 3", "Officials confirmed a second rocket attack near the airport at midnight.", source: "Reuters");

        var items = await Feed($"watchlistId={rockets}&source=Reuters&lang=en");

        Assert.Equal(new[] { wanted }, items);
    }

    private async Task<List<Guid>> Feed(string query) =>
        Ids((await Json(await Get($"/api/alerts?{query}"), HttpStatusCode.OK))["items"]!.AsArray());

    private async Task<Guid> RaiseOne(int n, string? source = "Wire") => Single(await Ingest(new
    {
        title = $"Dispatch {n}", body = Body(n), lang = "en", source, url = $"https://news.example/dispatch/{n}",
        publishedAt = new DateTimeOffset(2025, 3, n, 8, 0, 0, TimeSpan.Zero),
    }));

    private async Task<Guid> IngestOne(string title, string body, string? source = "Wire") => Single(await Ingest(Article(title, body, source)));

    private static object Article(string title, string body, string? source = "Wire") => new { title, body, lang = "en", source };

    private static string Body(int n) => $"In the {Ordinal(n)} report of the week, residents said a rocket attack hit district number {n}.";

    private static string Ordinal(int n) => n switch { 1 => "first", 2 => "second", 3 => "third", 4 => "fourth", 5 => "fifth", _ => $"{n}th" };

    private static Guid Single(JsonNode ingested) => Assert.Single(ingested["alerts"]!.AsArray())!["alertId"]!.GetValue<Guid>();

    private static Guid AlertOf(JsonNode ingested, Guid watchlist) =>
        ingested["alerts"]!.AsArray().Single(a => a!["watchlistId"]!.GetValue<Guid>() == watchlist)!["alertId"]!.GetValue<Guid>();

    private static List<Guid> Ids(JsonArray items) => items.Select(x => x!["id"]!.GetValue<Guid>()).ToList();

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
