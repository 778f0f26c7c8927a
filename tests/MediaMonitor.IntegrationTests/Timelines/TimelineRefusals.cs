using System.Net;

namespace MediaMonitor.IntegrationTests.Timelines;

public sealed class TimelineRefusals(AppFixture app) : TimelineTest(app)
{
    [Fact]
    public async Task an_unknown_watchlist_is_not_found()
    {
        var nobody = Guid.NewGuid();
        var known = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        await Json(await Get($"/api/watchlists/{nobody}/timeline"), HttpStatusCode.NotFound);
        await Json(await Get($"/api/watchlists/{nobody}/summary"), HttpStatusCode.NotFound);
        await Json(await Get($"/api/timeline?watchlistIds={known},{nobody}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("bucket=minute", "bucket")]
    [InlineData("tz=Mars/Olympus_Mons", "tz")]
    [InlineData("tz=..%2F..%2Fetc%2Fpasswd", "tz")]
    [InlineData("from=2026-02-02T00:00:00Z&to=2026-02-01T00:00:00Z", "from")]
    [InlineData("bucket=hour&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("bucket=week&to=9999-12-31T23:59:59Z", "to")]
    [InlineData("to=0001-01-01T00:00:00Z", "to")]
    public async Task a_bad_bucket_zone_or_range_is_refused_naming_the_parameter(string query, string field)
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        var problem = await Json(await Get($"/api/watchlists/{rockets}/timeline?{query}"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        await Json(await Get($"/api/timeline?watchlistIds={rockets}&{query}"), HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-id")]
    [InlineData("many")]
    public async Task the_watchlist_list_must_hold_one_to_twenty_ids(string ids)
    {
        if (ids == "many") ids = string.Join(",", Enumerable.Range(0, 21).Select(_ => Guid.NewGuid()));
        var problem = await Json(await Get($"/api/timeline?watchlistIds={ids}"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["watchlistIds"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Theory]
    [InlineData("to=9999-12-31T23:59:59Z", "to")]
    [InlineData("from=0001-01-01T00:00:00Z", "from")]
    public async Task a_summary_range_outside_the_years_kept_is_refused(string query, string field)
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        var problem = await Json(await Get($"/api/watchlists/{rockets}/summary?{query}"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task a_summary_range_ending_before_it_starts_is_refused()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        await Json(await Get($"/api/watchlists/{rockets}/summary?from=2026-02-02T00:00:00Z&to=2026-02-01T00:00:00Z"), HttpStatusCode.UnprocessableEntity);
    }
}
