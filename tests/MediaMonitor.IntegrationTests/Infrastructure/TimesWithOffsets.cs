using System.Globalization;
using System.Net;

namespace MediaMonitor.IntegrationTests.Infrastructure;

/// <summary>
/// Times come in with any offset and are read as the instant they name (Npgsql writes only UTC, and a +03:00 query
/// value once answered 500); a time without an offset is UTC.
/// </summary>
public sealed class TimesWithOffsets(AppFixture app) : ApiTest(app)
{
    private static string Q(DateTimeOffset t, TimeSpan offset) =>
        Uri.EscapeDataString(t.ToOffset(offset).ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture));

    private static readonly TimeSpan Baghdad = TimeSpan.FromHours(3);
    private static readonly TimeSpan Honolulu = TimeSpan.FromHours(-10);

    [Fact]
    public async Task a_watchlist_as_of_a_time_with_an_offset_is_the_watchlist_at_that_instant()
    {
        var id = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        var created = (await Json(await Get($"/api/watchlists/{id}"), HttpStatusCode.OK))["createdAt"]!.GetValue<DateTimeOffset>();

        var then = await Json(await Get($"/api/watchlists/{id}?asOf={Q(created.AddSeconds(1), Baghdad)}"), HttpStatusCode.OK);
        Assert.Equal(1, then["version"]!.GetValue<int>());
        await Json(await Get($"/api/watchlists/{id}?asOf={Q(created.AddSeconds(-1), Honolulu)}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_event_log_between_two_times_with_offsets_holds_what_happened_between_those_instants()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await CreateWatchlist("Rockets", ("rocket attack", "en"));
        var after = DateTimeOffset.UtcNow.AddMinutes(1);

        var response = await Get($"/api/events?from={Q(before, Baghdad)}&to={Q(after, Honolulu)}");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(lines);
        var empty = await Get($"/api/events?from={Q(after, Baghdad)}");
        Assert.Empty(await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task the_alert_feed_and_the_delivery_log_filter_by_times_with_offsets()
    {
        await CreateWatchlist("Rockets", ("rocket attack", "en"));
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Ingest(new { body = "A rocket attack hit the town." });
        var after = DateTimeOffset.UtcNow.AddMinutes(1);

        var feed = await Json(await Get($"/api/alerts?from={Q(before, Baghdad)}&to={Q(after, Honolulu)}"), HttpStatusCode.OK);
        Assert.Single(feed["items"]!.AsArray());
        var asOf = await Json(await Get($"/api/alerts?asOf={Q(after, TimeSpan.FromHours(14))}"), HttpStatusCode.OK);
        Assert.Single(asOf["items"]!.AsArray());
        var subscription = (await Json(await PostJson("/api/subscriptions", new { url = "http://127.0.0.1:9/hook" }), HttpStatusCode.Created))["subscription"]!["id"];
        await Json(await Get($"/api/subscriptions/{subscription}/deliveries?from={Q(before, Baghdad)}&to={Q(after, Honolulu)}"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_time_without_an_offset_is_utc()
    {
        var id = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        var created = (await Json(await Get($"/api/watchlists/{id}"), HttpStatusCode.OK))["createdAt"]!.GetValue<DateTimeOffset>();
        var justAfter = created.AddSeconds(1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture);

        await Json(await Get($"/api/watchlists/{id}?asOf={justAfter}"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_published_time_with_an_offset_is_kept_as_the_same_instant_in_utc()
    {
        var id = (await Ingest(new { body = "Plain words here.", publishedAt = "2024-01-01T03:00:00+03:00" }))["id"]!.GetValue<Guid>();

        var article = await Json(await Get($"/api/articles/{id}"), HttpStatusCode.OK);

        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), article["publishedAt"]!.GetValue<DateTimeOffset>());
        Assert.EndsWith("+00:00", article["publishedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_replay_range_with_offsets_is_read_as_instants()
    {
        var subscription = (await Json(await PostJson("/api/subscriptions", new { url = "http://127.0.0.1:9/hook" }), HttpStatusCode.Created))["subscription"]!["id"];

        var replay = await Json(await PostJson($"/api/subscriptions/{subscription}/replay",
            new { from = "2026-01-01T03:00:00+03:00", to = "2026-01-01T00:00:00-10:00" }), HttpStatusCode.Accepted);

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), replay["from"]!.GetValue<DateTimeOffset>());
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), replay["to"]!.GetValue<DateTimeOffset>());
    }
}
