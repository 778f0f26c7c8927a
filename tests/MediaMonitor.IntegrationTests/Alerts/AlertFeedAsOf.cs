using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Alerts;

/// <summary>
/// GET /api/alerts?asOf=...: the feed as it stood at an instant, the alerts raised by then, each in the state it had
/// then; filters apply (state to that past state) and it pages by cursor like the feed of now.
/// </summary>
public sealed class AlertFeedAsOf(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task as_of_an_earlier_instant_a_later_dismissed_alert_is_open_and_alerts_raised_after_are_absent()
    {
        var story = await Story();

        var feed = await AsOf(story.SecondRaised);

        Assert.Equal(new[] { story.Second, story.First }, Ids(feed));
        var first = Item(feed, story.First);
        Assert.Equal("Open", first["state"]!.GetValue<string>());
        Assert.Null(first["stateChangedAt"]);
        Assert.Null(first["note"]);
        Assert.Empty(first["history"]!.AsArray());
        Assert.Equal("Dismissed", (await Json(await Get($"/api/alerts/{story.First}"), HttpStatusCode.OK))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task as_of_the_instant_of_a_change_the_alert_is_as_that_change_left_it()
    {
        var story = await Story();

        var atAcknowledgement = await AsOf(story.Acknowledged);
        var atDismissal = await AsOf(story.Dismissed);

        Assert.Equal(new[] { story.Second, story.First }, Ids(atAcknowledgement));
        var acknowledged = Item(atAcknowledgement, story.First);
        Assert.Equal(("Acknowledged", "Checking."), (acknowledged["state"]!.GetValue<string>(), acknowledged["note"]!.GetValue<string>()));
        Assert.Equal(story.Acknowledged, acknowledged["stateChangedAt"]!.GetValue<DateTimeOffset>());
        Assert.Single(acknowledged["history"]!.AsArray());

        Assert.Equal(new[] { story.Third, story.Second, story.First }, Ids(atDismissal));
        var now = Assert.Single((await Json(await Get($"/api/alerts?watchlistId={story.Watchlist}&state=Dismissed"), HttpStatusCode.OK))["items"]!.AsArray())!;
        // The stored document, as the feed of now streams it (jsonb orders its keys its own way).
        Assert.True(JsonNode.DeepEquals(now, Item(atDismissal, story.First)), $"{now.ToJsonString()}\n{Item(atDismissal, story.First).ToJsonString()}");
    }

    [Fact]
    public async Task as_of_an_instant_before_any_alert_the_feed_is_empty()
    {
        var story = await Story();

        // A millisecond before: PostgreSQL keeps instants to the microsecond, so a tick or two before would be the same instant.
        var feed = await Json(await Get($"/api/alerts?asOf={Escape(story.FirstRaised.AddMilliseconds(-1))}"), HttpStatusCode.OK);

        Assert.Empty(feed["items"]!.AsArray());
        Assert.Null(feed["nextCursor"]);
    }

    [Fact]
    public async Task the_state_filter_applies_to_the_state_each_alert_had_then()
    {
        var story = await Story();
        var then = Escape(story.Acknowledged);

        Assert.Equal(new[] { story.Second }, Ids(await Feed($"asOf={then}&state=Open")));
        Assert.Equal(new[] { story.First }, Ids(await Feed($"asOf={then}&state=Acknowledged")));
        Assert.Empty(Ids(await Feed($"asOf={then}&state=Dismissed")));
        Assert.Equal(new[] { story.First }, Ids(await Feed("state=Dismissed")));
        Assert.Equal(new[] { story.Third, story.Second }, Ids(await Feed($"asOf={Escape(story.Dismissed)}&state=Open")));
    }

    [Fact]
    public async Task the_other_filters_apply_as_in_the_feed_of_now()
    {
        var story = await Story();
        var bridges = await CreateWatchlist("Bridges", ("bridge collapse", "en"));
        var bridge = Assert.Single((await Ingest(new
        {
            title = "Bridge", body = "Engineers are inspecting the river after a bridge collapse on Monday.", lang = "en", source = "AFP",
        }))["alerts"]!.AsArray())!["alertId"]!.GetValue<Guid>();
        var later = Escape(DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(new[] { story.Third, story.Second, story.First }, Ids(await Feed($"asOf={later}&watchlistId={story.Watchlist}")));
        Assert.Equal(new[] { bridge }, Ids(await Feed($"asOf={later}&watchlistId={bridges}")));
        Assert.Equal(new[] { bridge }, Ids(await Feed($"asOf={later}&source=AFP")));
        Assert.Equal(new[] { story.Second }, Ids(await Feed($"asOf={later}&from={Escape(story.SecondRaised)}&to={Escape(story.Acknowledged)}")));
    }

    [Fact]
    public async Task an_instant_in_another_offset_means_the_same_instant()
    {
        var story = await Story();

        var inTokyo = await AsOf(story.SecondRaised.ToOffset(TimeSpan.FromHours(9)));

        Assert.Equal(new[] { story.Second, story.First }, Ids(inTokyo));
    }

    [Fact]
    public async Task the_feed_as_of_an_instant_comes_in_pages_each_alert_once_however_the_alerts_changed_since()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        var raised = new List<Guid>();
        for (var n = 1; n <= 5; n++) raised.Add(await RaiseOne(n));
        var then = Raised(await Json(await Get($"/api/alerts/{raised[^1]}"), HttpStatusCode.OK));
        foreach (var id in raised) await Json(await PostJson($"/api/alerts/{id}/dismiss", new { }), HttpStatusCode.OK);

        var first = await Feed($"asOf={Escape(then)}&state=Open&limit=2");
        await RaiseOne(6);
        var pages = new List<JsonNode> { first };
        while (pages[^1]["nextCursor"]?.GetValue<string>() is { } cursor)
        {
            pages.Add(await Feed($"asOf={Escape(then)}&state=Open&limit=2&cursor={Uri.EscapeDataString(cursor)}"));
            Assert.True(pages.Count <= 5, "The feed does not end.");
        }

        Assert.Equal(new[] { 2, 2, 1 }, pages.Select(p => p["items"]!.AsArray().Count));
        Assert.Equal(Enumerable.Reverse(raised), pages.SelectMany(Ids));
        Assert.All(pages.SelectMany(p => p["items"]!.AsArray()), item => Assert.Equal("Open", item!["state"]!.GetValue<string>()));
    }

    [Fact]
    public async Task alerts_raised_at_the_same_instant_each_come_once_a_page_at_a_time()
    {
        await CreateWatchlist("Rockets", ("rocket attack", "en"));
        await CreateWatchlist("Attacks", ("attack", "en"));
        await CreateWatchlist("Districts", ("district", "en"));
        var together = (await Ingest(new { title = "Dispatch", body = "Residents said a rocket attack hit the northern district before dawn.", lang = "en" }))
            ["alerts"]!.AsArray().Select(a => a!["alertId"]!.GetValue<Guid>()).ToList();
        Assert.Equal(3, together.Count);
        var later = Escape(DateTimeOffset.UtcNow.AddMinutes(1));

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await Feed($"asOf={later}&limit=1" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(Ids(page));
            cursor = page["nextCursor"]?.GetValue<string>();
            Assert.True(seen.Count <= 5, "The feed does not end.");
        } while (cursor is not null);

        Assert.Equal(Ids(await Feed("")), seen);
        Assert.Equal(together.Order(), seen.Order());
    }

    [Theory]
    [InlineData("asOf=yesterday")]
    [InlineData("asOf=2025-13-45")]
    [InlineData("asOf=2025-03-01T10:00:00Z&cursor=not-a-cursor")]
    [InlineData("asOf=2025-03-01T10:00:00Z&cursor=%21%21%21")]
    [InlineData("asOf=2025-03-01T10:00:00Z&cursor=eyJ4IjoxfQ")]
    [InlineData("asOf=2025-03-01T10:00:00Z&state=Closed")]
    [InlineData("asOf=2025-03-01T10:00:00Z&limit=0")]
    public async Task an_unanswerable_as_of_query_is_refused_with_400(string query)
    {
        var response = await Get($"/api/alerts?{query}");

        await Json(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task a_cursor_of_one_feed_is_refused_by_the_other_with_400()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        for (var n = 1; n <= 3; n++) await RaiseOne(n);
        var later = Escape(DateTimeOffset.UtcNow.AddMinutes(1));
        var nowCursor = (await Feed("limit=1"))["nextCursor"]!.GetValue<string>();
        var asOfCursor = (await Feed($"asOf={later}&limit=1"))["nextCursor"]!.GetValue<string>();

        await Json(await Get($"/api/alerts?asOf={later}&limit=1&cursor={Uri.EscapeDataString(nowCursor)}"), HttpStatusCode.BadRequest);
        await Json(await Get($"/api/alerts?limit=1&cursor={Uri.EscapeDataString(asOfCursor)}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task a_read_key_may_read_the_feed_as_of_an_instant()
    {
        var story = await Story();

        var feed = await Json(await Get($"/api/alerts?asOf={Escape(story.SecondRaised)}", AppFixture.ReadKey), HttpStatusCode.OK);

        Assert.Equal(new[] { story.Second, story.First }, Ids(feed));
    }

    /// <summary>Three alerts; the first acknowledged after the second was raised, then dismissed after the third was.</summary>
    private sealed record StoryTimes(
        Guid Watchlist, Guid First, Guid Second, Guid Third,
        DateTimeOffset FirstRaised, DateTimeOffset SecondRaised, DateTimeOffset Acknowledged, DateTimeOffset Dismissed);

    private async Task<StoryTimes> Story()
    {
        var watchlist = await CreateWatchlist("Security", ("rocket attack", "en"));
        var first = await RaiseOne(1);
        var second = await RaiseOne(2);
        var acknowledged = await Json(await PostJson($"/api/alerts/{first}/acknowledge", new { note = "Checking." }), HttpStatusCode.OK);
        var third = await RaiseOne(3);
        var dismissed = await Json(await PostJson($"/api/alerts/{first}/dismiss", new { note = "Old footage." }), HttpStatusCode.OK);
        var firstRaised = Raised(acknowledged);
        var secondRaised = Raised(await Json(await Get($"/api/alerts/{second}"), HttpStatusCode.OK));
        return new StoryTimes(watchlist, first, second, third, firstRaised, secondRaised,
            acknowledged["stateChangedAt"]!.GetValue<DateTimeOffset>(), dismissed["stateChangedAt"]!.GetValue<DateTimeOffset>());
    }

    private async Task<Guid> RaiseOne(int n)
    {
        var ingested = await Ingest(new
        {
            title = $"Dispatch {n}", body = $"Report {n} of the week: residents said a rocket attack hit district {n}.", lang = "en", source = "Wire",
        });
        return Assert.Single(ingested["alerts"]!.AsArray())!["alertId"]!.GetValue<Guid>();
    }

    private async Task<JsonNode> AsOf(DateTimeOffset instant) => await Feed($"asOf={Escape(instant)}");

    private async Task<JsonNode> Feed(string query) => await Json(await Get($"/api/alerts?{query}"), HttpStatusCode.OK);

    private static DateTimeOffset Raised(JsonNode alert) => alert["raisedAt"]!.GetValue<DateTimeOffset>();

    private static JsonNode Item(JsonNode feed, Guid id) => feed["items"]!.AsArray().Single(x => x!["id"]!.GetValue<Guid>() == id)!;

    private static List<Guid> Ids(JsonNode feed) => feed["items"]!.AsArray().Select(x => x!["id"]!.GetValue<Guid>()).ToList();

    private static string Escape(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O"));
}
