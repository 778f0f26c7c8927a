using System.Net;

namespace MediaMonitor.IntegrationTests.Alerts;

/// <summary>Feed queries that cannot be answered are refused with 400 problem details, not a 500 or an empty page.</summary>
public sealed class AlertFeedRefusals(AppFixture app) : ApiTest(app)
{
    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("limit=-1")]
    [InlineData("limit=abc")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("cursor=%21%21%21")]
    [InlineData("cursor=eyJ4IjoxfQ")]
    [InlineData("from=2025-03-01T10:00:00Z&to=2025-03-01T10:00:00Z")]
    [InlineData("from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z")]
    [InlineData("watchlistId=not-a-guid")]
    [InlineData("watchlistId=12345")]
    [InlineData("from=yesterday")]
    [InlineData("to=2025-13-45")]
    public async Task an_unanswerable_feed_query_is_answered_400(string query)
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        await Ingest(new { title = "Dispatch", body = "Residents said a rocket attack hit the northern district before dawn.", lang = "en" });

        var response = await Get($"/api/alerts?{query}");

        var problem = await Json(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problem["status"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    public async Task the_limits_at_the_bounds_are_accepted(int limit)
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        await Ingest(new { title = "Dispatch 1", body = "Residents said a rocket attack hit the northern district before dawn.", lang = "en" });
        await Ingest(new { title = "Dispatch 2", body = "Officials confirmed a second rocket attack near the airport at midnight.", lang = "en" });

        var feed = await Json(await Get($"/api/alerts?limit={limit}"), HttpStatusCode.OK);

        Assert.Equal(Math.Min(limit, 2), feed["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task a_blank_cursor_means_the_first_page()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        await Ingest(new { title = "Dispatch 1", body = "Residents said a rocket attack hit the northern district before dawn.", lang = "en" });

        var feed = await Json(await Get("/api/alerts?cursor="), HttpStatusCode.OK);

        Assert.Single(feed["items"]!.AsArray());
    }
}
