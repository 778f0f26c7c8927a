using System.Net;
using System.Text.Json.Nodes;
using MediaMonitor.Spikes;
using Marten;

namespace MediaMonitor.IntegrationTests.Spikes;

public sealed class SpikeDetection(AppFixture app) : SpikeTest(app)
{
    [Fact]
    public async Task a_week_of_steady_volume_then_a_surge_in_the_last_hour_raises_one_spike_with_its_numbers()
    {
        var watchlist = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var rule = await WatchLastHour(watchlist);
        var (steady, surge) = await SteadyThenSurge();

        var spike = Assert.Single(await SpikesInTheLog());

        Assert.Equal(watchlist, spike.WatchlistId);
        Assert.Equal("Attacks", spike.WatchlistName);
        Assert.Equal(rule["version"]!.GetValue<int>(), spike.RuleVersion);
        Assert.Equal(SpikeIds.For(watchlist, spike.WindowEnd), spike.SpikeId);
        Assert.Equal(TimeSpan.FromHours(1), spike.WindowEnd - spike.WindowStart);
        Assert.True(spike.WindowEnd > Now.AddMinutes(-50) && spike.WindowEnd <= Now.AddMinutes(5), $"window ends {spike.WindowEnd:O}");
        // The numbers, from the articles sent: the window's count is what had arrived when it crossed the threshold; the
        // baseline is the steady hour at the same time on each of the 7 days before.
        var all = steady.Concat(surge).ToList();
        var inWindow = all.Where(a => a.PublishedAt >= spike.WindowStart && a.PublishedAt < spike.WindowEnd).Select(a => a.Id).ToHashSet();
        Assert.True(spike.Observed <= inWindow.Count && spike.Observed >= 5);
        Assert.Equal(spike.Observed, spike.ArticleIds.Count);
        Assert.Subset(inWindow, spike.ArticleIds.ToHashSet());
        Assert.Equal(7, spike.BaselineWindows.Count);
        for (var d = 1; d <= 7; d++)
        {
            var window = spike.BaselineWindows[d - 1];
            Assert.Equal(spike.WindowStart.AddDays(-d), window.Start);
            Assert.Equal(steady.Count(a => a.PublishedAt >= window.Start && a.PublishedAt < window.End), window.Count);
        }
        Assert.Equal((spike.BaselineCount + 0.5) / 7, spike.Expected, 12);
        Assert.Equal(PoissonTail.Upper(spike.Observed, spike.Expected), spike.PValue, 15);
        Assert.True(spike.PValue <= 0.001);
        Assert.Equal(0.001, spike.Threshold);
        Assert.True(spike.DetectedAt >= Now && spike.DetectedAt < DateTimeOffset.UtcNow, "detected at its match's time");
    }

    [Fact]
    public async Task a_week_of_steady_volume_never_fires()
    {
        var watchlist = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await WatchLastHour(watchlist);

        await IngestAll(Hourly(Now.AddDays(-8), Now));

        Assert.Empty(await SpikesInTheLog());
        await using var session = App.Store.QuerySession();
        var watch = await session.LoadAsync<SpikeWatch>(watchlist);
        Assert.Equal(Hourly(Now.AddDays(-8), Now).Count, watch!.Slots.Values.Sum());
    }

    [Fact]
    public async Task two_articles_on_a_quiet_topic_do_not_fire()
    {
        var watchlist = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await SetRule(watchlist, new { window = "PT1H", baseline = "P7D", compare = "sameHours", sensitivity = 0.01 });
        await IngestAll([Now.AddDays(-8)]);

        await IngestAll([Now.AddMinutes(-30), Now.AddMinutes(-20)]);

        Assert.Empty(await SpikesInTheLog());
    }

    [Fact]
    public async Task a_watchlist_without_a_rule_raises_nothing_and_the_others_spike_on_their_own()
    {
        var watched = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var unwatched = await CreateWatchlist("Rockets", ("rocket", "en"));
        await WatchLastHour(watched);

        await SteadyThenSurge();

        Assert.Equal(watched, Assert.Single(await SpikesInTheLog()).WatchlistId);
        await using var session = App.Store.QuerySession();
        Assert.NotNull(await session.LoadAsync<SpikeWatch>(unwatched));
    }

    [Fact]
    public async Task rebuilding_the_detection_raises_nothing_new_and_keeps_its_cooldown()
    {
        var watchlist = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await WatchLastHour(watchlist);
        await SteadyThenSurge();
        var spike = Assert.Single(await SpikesInTheLog());
        string Stored(SpikeWatch w) => System.Text.Json.JsonSerializer.Serialize(w);
        string before;
        await using (var session = App.Store.QuerySession()) before = Stored((await session.LoadAsync<SpikeWatch>(watchlist))!);
        var eventsBefore = (await AllEvents()).Count;

        await Rebuild("SpikeWatch");
        await Rebuild("SpikeView");

        Assert.Equal(eventsBefore, (await AllEvents()).Count);
        await using (var session = App.Store.QuerySession())
        {
            Assert.Equal(before, Stored((await session.LoadAsync<SpikeWatch>(watchlist))!));
            Assert.Equal(spike.SpikeId, (await session.LoadAsync<SpikeView>(spike.SpikeId))?.Id);
        }
        // More of the surge after the rebuild: still inside the cool-down the rebuilt watch took from the log.
        await IngestAll(Burst(Now.AddMinutes(-15), TimeSpan.FromMinutes(10), 10));
        Assert.Single(await SpikesInTheLog());
    }

    private async Task Rebuild(string name)
    {
        await Json(await PostJson($"/api/admin/projections/{name}/rebuild", new { }), HttpStatusCode.Accepted);
        await Eventually(async () =>
            (await Json(await Get($"/api/admin/projections/{name}/rebuild"), HttpStatusCode.OK))["state"]!.GetValue<string>() == "Completed",
            $"the rebuild of {name}");
    }

    [Fact]
    public async Task a_spike_is_read_by_id_listed_newest_first_with_its_filters_and_explained()
    {
        var attacks = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var strikes = await CreateWatchlist("Strikes", ("drone strike", "en"));
        await WatchLastHour(attacks);
        await WatchLastHour(strikes);
        await SteadyThenSurge("rocket attack");
        await SteadyThenSurge("drone strike");
        var spikes = await SpikesInTheLog();
        Assert.Equal(2, spikes.Count);
        var attack = spikes.Single(s => s.WatchlistId == attacks);

        var one = await Json(await Get($"/api/spikes/{attack.SpikeId}"), HttpStatusCode.OK);
        Assert.Equal(attack.Observed, one["observed"]!.GetValue<int>());
        Assert.Equal(attack.WindowEnd, one["windowEnd"]!.GetValue<DateTimeOffset>());
        await Json(await Get($"/api/spikes/{Guid.NewGuid()}"), HttpStatusCode.NotFound);

        var first = await Json(await Get("/api/spikes?limit=1"), HttpStatusCode.OK);
        var newest = spikes.OrderByDescending(s => s.WindowEnd).ThenByDescending(s => s.SpikeId).ToList();
        Assert.Equal(newest[0].SpikeId, first["items"]![0]!["id"]!.GetValue<Guid>());
        var second = await Json(await Get($"/api/spikes?limit=1&cursor={Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>())}"), HttpStatusCode.OK);
        Assert.Equal(newest[1].SpikeId, second["items"]![0]!["id"]!.GetValue<Guid>());
        var filtered = await Json(await Get($"/api/spikes?watchlistId={strikes}"), HttpStatusCode.OK);
        Assert.Equal(spikes.Single(s => s.WatchlistId == strikes).SpikeId, Assert.Single(filtered["items"]!.AsArray())!["id"]!.GetValue<Guid>());
        var none = await Json(await Get($"/api/spikes?to={Uri.EscapeDataString(Now.AddDays(-1).ToString("O"))}"), HttpStatusCode.OK);
        Assert.Empty(none["items"]!.AsArray());
        await Json(await Get("/api/spikes?limit=0"), HttpStatusCode.BadRequest);

        var explained = await Json(await Get($"/api/spikes/{attack.SpikeId}/explain"), HttpStatusCode.OK);
        Assert.Equal(attack.RuleVersion, explained["ruleVersion"]!.GetValue<int>());
        Assert.Equal("PT1H", explained["rule"]!["window"]!.GetValue<string>());
        Assert.Equal("sameHours", explained["rule"]!["compare"]!.GetValue<string>());
        Assert.Equal(7, explained["baselineWindows"]!.AsArray().Count);
        Assert.Equal(attack.BaselineWindows.Select(w => w.Count), explained["baselineWindows"]!.AsArray().Select(w => w!["count"]!.GetValue<int>()));
        Assert.Equal(attack.ArticleIds.ToHashSet(), explained["articles"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).ToHashSet());
        Assert.Contains($"x = {attack.Observed} live matches", explained["test"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_rule_explained_is_the_one_at_the_spikes_version_not_todays()
    {
        var watchlist = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await WatchLastHour(watchlist);
        await SteadyThenSurge();
        var spike = Assert.Single(await SpikesInTheLog());

        await SetRule(watchlist, new { window = "PT2H", baseline = "P14D", sensitivity = 0.0001 });

        var explained = await Json(await Get($"/api/spikes/{spike.SpikeId}/explain"), HttpStatusCode.OK);
        Assert.Equal("PT1H", explained["rule"]!["window"]!.GetValue<string>());
        Assert.Equal("P7D", explained["rule"]!["baseline"]!.GetValue<string>());
    }
}
