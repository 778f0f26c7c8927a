using System.Net;

namespace MediaMonitor.IntegrationTests.Spikes;

public sealed class SpikeRules(AppFixture app) : SpikeTest(app)
{
    [Fact]
    public async Task a_rule_set_shows_in_the_watchlist_and_a_rule_removed_is_gone()
    {
        var watchlist = await CreateWatchlist("Attacks", ("rocket attack", "en"));

        await SetRule(watchlist, new { window = "01:00:00", baseline = "P7D", compare = "sameHours", sensitivity = 0.001, minimumCount = 8, cooldown = "PT12H" });

        var shown = await Json(await Get($"/api/watchlists/{watchlist}"), HttpStatusCode.OK);
        Assert.Equal(2, shown["version"]!.GetValue<int>());
        var rule = shown["spikeRule"]!;
        Assert.Equal("PT1H", rule["window"]!.GetValue<string>());
        Assert.Equal("P7D", rule["baseline"]!.GetValue<string>());
        Assert.Equal("sameHours", rule["compare"]!.GetValue<string>());
        Assert.Equal(0.001, rule["sensitivity"]!.GetValue<double>());
        Assert.Equal(8, rule["minimumCount"]!.GetValue<int>());
        Assert.Equal("PT12H", rule["cooldown"]!.GetValue<string>());

        // The same rule again changes nothing.
        await SetRule(watchlist, new { window = "PT1H", baseline = "P7D", sensitivity = 0.001, minimumCount = 8, cooldown = "PT12H" });
        Assert.Equal(2, (await Json(await Get($"/api/watchlists/{watchlist}"), HttpStatusCode.OK))["version"]!.GetValue<int>());

        await Json(await Client().DeleteAsync($"/api/watchlists/{watchlist}/spike-rule"), HttpStatusCode.OK);
        var removed = await Json(await Get($"/api/watchlists/{watchlist}"), HttpStatusCode.OK);
        Assert.Null(removed["spikeRule"]);
        Assert.Equal(3, removed["version"]!.GetValue<int>());
        Assert.NotNull((await Json(await Get($"/api/watchlists/{watchlist}?version=2"), HttpStatusCode.OK))["spikeRule"]);
    }

    [Fact]
    public async Task a_rule_out_of_bounds_is_answered_422_per_field()
    {
        var watchlist = await CreateWatchlist("Attacks", ("rocket attack", "en"));

        var problem = await SetRule(watchlist, new { window = "PT7M", baseline = "PT3H", compare = "weekly", sensitivity = 2, minimumCount = 0, cooldown = "soon" },
            HttpStatusCode.UnprocessableEntity);

        var fields = problem["errors"]!.AsObject().Select(e => e.Key).Order().ToList();
        Assert.Equal(["compare", "cooldown", "minimumCount", "sensitivity", "window"], fields);
        Assert.Equal(422, (int)(await PutJson($"/api/watchlists/{watchlist}/spike-rule", new { window = "PT1H", sensitivity = 0.001 })).StatusCode);
        Assert.Equal(1, (await Json(await Get($"/api/watchlists/{watchlist}"), HttpStatusCode.OK))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task a_rule_is_set_by_admins_on_watchlists_that_exist_and_are_not_archived()
    {
        var watchlist = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var rule = new { window = "PT1H", baseline = "P7D", sensitivity = 0.001 };

        Assert.Equal(HttpStatusCode.Forbidden, (await PutJson($"/api/watchlists/{watchlist}/spike-rule", rule, AppFixture.ReadKey)).StatusCode);
        await Json(await PutJson($"/api/watchlists/{Guid.NewGuid()}/spike-rule", rule), HttpStatusCode.NotFound);
        await Json(await PostJson($"/api/watchlists/{watchlist}/archive", new { }), HttpStatusCode.OK);
        await Json(await PutJson($"/api/watchlists/{watchlist}/spike-rule", rule), HttpStatusCode.Conflict);
    }
}
