using System.Net;

namespace MediaMonitor.IntegrationTests.Watchlists;

public sealed class WatchlistAsOf(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task a_watchlist_can_be_read_as_it_was_at_a_version_or_a_time()
    {
        var id = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var firstVersionTime = (await Json(await Get($"/api/watchlists/{id}/history"), HttpStatusCode.OK))[0]!["timestamp"]!.GetValue<DateTimeOffset>();
        await Task.Delay(50);
        await Json(await PutJson($"/api/watchlists/{id}/terms", new { terms = new[] { new { phrase = "drone strike" } } }), HttpStatusCode.OK);
        await Json(await PostJson($"/api/watchlists/{id}/pause", new { }), HttpStatusCode.OK);

        var v1 = await Json(await Get($"/api/watchlists/{id}?version=1", AppFixture.ReadKey), HttpStatusCode.OK);
        var v2 = await Json(await Get($"/api/watchlists/{id}?version=2"), HttpStatusCode.OK);
        var then = await Json(await Get($"/api/watchlists/{id}?asOf={Uri.EscapeDataString(firstVersionTime.ToString("O"))}"), HttpStatusCode.OK);
        var now = await Json(await Get($"/api/watchlists/{id}"), HttpStatusCode.OK);

        Assert.Equal("rocket attack", v1["terms"]![0]!["phrase"]!.GetValue<string>());
        Assert.Equal(1, v1["version"]!.GetValue<int>());
        Assert.Equal("drone strike", v2["terms"]![0]!["phrase"]!.GetValue<string>());
        Assert.Equal("Active", v2["state"]!.GetValue<string>());
        Assert.Equal(1, then["version"]!.GetValue<int>());
        Assert.Equal("Paused", now["state"]!.GetValue<string>());
        Assert.Equal(3, now["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task a_version_or_time_the_watchlist_never_had_is_not_found_and_both_at_once_is_refused()
    {
        var id = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await Json(await Get($"/api/watchlists/{id}?version=5"), HttpStatusCode.NotFound);
        await Json(await Get($"/api/watchlists/{id}?asOf=2001-01-01T00:00:00Z"), HttpStatusCode.NotFound);
        await Json(await Get($"/api/watchlists/{id}?version=0"), HttpStatusCode.BadRequest);
        await Json(await Get($"/api/watchlists/{id}?version=1&asOf=2030-01-01T00:00:00Z"), HttpStatusCode.BadRequest);
    }
}
