using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Alerts;

/// <summary>GET /api/alerts?state=...: the feed of alerts in one state now.</summary>
public sealed class AlertFeedByState(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task filtering_by_state_lists_only_the_alerts_in_that_state_newest_first()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        var open1 = await RaiseOne(1);
        var acknowledged = await RaiseOne(2);
        var dismissed = await RaiseOne(3);
        var open2 = await RaiseOne(4);
        await Json(await PostJson($"/api/alerts/{acknowledged}/acknowledge", new { note = "On it." }), HttpStatusCode.OK);
        await Json(await PostJson($"/api/alerts/{dismissed}/dismiss", new { }), HttpStatusCode.OK);

        Assert.Equal(new[] { open2, open1 }, await Feed("state=Open"));
        Assert.Equal(new[] { acknowledged }, await Feed("state=Acknowledged"));
        Assert.Equal(new[] { dismissed }, await Feed("state=Dismissed"));
        Assert.Equal(new[] { open2, dismissed, acknowledged, open1 }, await Feed(""));
        Assert.Equal(new[] { dismissed }, await Feed("state=dismissed"));
    }

    [Fact]
    public async Task the_state_filter_combines_with_the_others_and_with_paging()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        await CreateWatchlist("Bridges", ("bridge collapse", "en"));
        var wanted = new List<Guid>();
        for (var n = 1; n <= 5; n++)
        {
            var alert = await RaiseOne(n);
            await Json(await PostJson($"/api/alerts/{alert}/acknowledge", new { }), HttpStatusCode.OK);
            wanted.Add(alert);
            await RaiseOne(n + 10);
            await Ingest(new { title = $"Bridge {n}", body = $"Engineers inspected crossing {n} after a bridge collapse in the valley.", lang = "en" });
        }

        var ids = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Json(await Get($"/api/alerts?state=Acknowledged&watchlistId={rockets}&limit=2" +
                                            (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")), HttpStatusCode.OK);
            ids.AddRange(Ids(page["items"]!.AsArray()));
            cursor = page["nextCursor"]?.GetValue<string>();
            Assert.True(++pages <= 5, "The feed does not end.");
        } while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(wanted), ids);
    }

    [Theory]
    [InlineData("state=Closed")]
    [InlineData("state=7")]
    [InlineData("state=-1")]
    [InlineData("state=Open,Dismissed")]
    public async Task a_state_that_is_not_one_is_refused_with_400(string query)
    {
        var response = await Get($"/api/alerts?{query}");

        var problem = await Json(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problem["status"]!.GetValue<int>());
    }

    private async Task<List<Guid>> Feed(string query) =>
        Ids((await Json(await Get($"/api/alerts?{query}"), HttpStatusCode.OK))["items"]!.AsArray());

    private async Task<Guid> RaiseOne(int n)
    {
        var ingested = await Ingest(new
        {
            title = $"Dispatch {n}", body = $"Report {n} of the week: residents said a rocket attack hit district {n}.", lang = "en", source = "Wire",
        });
        return Assert.Single(ingested["alerts"]!.AsArray())!["alertId"]!.GetValue<Guid>();
    }

    private static List<Guid> Ids(JsonArray items) => items.Select(x => x!["id"]!.GetValue<Guid>()).ToList();
}
