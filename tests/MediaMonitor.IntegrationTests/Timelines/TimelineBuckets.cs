using System.Net;

namespace MediaMonitor.IntegrationTests.Timelines;

public sealed class TimelineBuckets(AppFixture app) : TimelineTest(app)
{
    [Fact]
    public async Task hourly_buckets_in_baghdad_are_zero_filled_and_start_on_baghdad_hours()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        await IngestAt("A rocket attack hit the airport.", "2026-01-10T05:10:00Z");
        await IngestAt("A second rocket attack hit the base.", "2026-01-10T05:50:00Z");
        await IngestAt("Another rocket attack hit the port.", "2026-01-10T07:20:00Z");
        await IngestAt("Nothing happened.", "2026-01-10T06:20:00Z");

        var timeline = await Projected($"/api/watchlists/{rockets}/timeline?bucket=hour&tz=Asia/Baghdad&from={Q("2026-01-10T08:00:00+03:00")}&to={Q("2026-01-10T12:00:00+03:00")}");

        Assert.Equal(["2026-01-10T08:00:00+03:00", "2026-01-10T09:00:00+03:00", "2026-01-10T10:00:00+03:00", "2026-01-10T11:00:00+03:00"], Starts(timeline));
        Assert.Equal([2, 0, 1, 0], Counts(timeline));
        Assert.Equal([2, 0, 1, 0], Counts(timeline, "alerts"));
        Assert.Equal([0, 0, 0, 0], Counts(timeline, "byIngestTime"));
        Assert.Equal(("hour", "Asia/Baghdad", "publishedAt, else ingest time"),
            (timeline["bucket"]!.GetValue<string>(), timeline["tz"]!.GetValue<string>(), timeline["countedBy"]!.GetValue<string>()));
        Assert.Equal((3, 3), (timeline["totals"]!["articles"]!.GetValue<long>(), timeline["totals"]!["alerts"]!.GetValue<long>()));
        Assert.Equal("2026-01-10T12:00:00+03:00", timeline["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_day_timeline_in_new_york_has_a_23_hour_day_when_the_clocks_go_forward()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        await IngestAt("A rocket attack hit the airport.", "2026-03-08T04:30:00Z");   // 23:30 on 7 March, New York
        await IngestAt("A rocket attack hit the base.", "2026-03-08T15:00:00Z");
        await IngestAt("A rocket attack hit the port.", "2026-03-09T03:59:00Z");      // 23:59 on 8 March (EDT)

        var timeline = await Projected($"/api/watchlists/{rockets}/timeline?bucket=day&tz=America/New_York&from=2026-03-07T05:00:00Z&to=2026-03-10T04:00:00Z");

        Assert.Equal(["2026-03-07T00:00:00-05:00", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00"], Starts(timeline));
        var hours = timeline["buckets"]!.AsArray()
            .Select(b => (DateTimeOffset.Parse(b!["end"]!.GetValue<string>()) - DateTimeOffset.Parse(b["start"]!.GetValue<string>())).TotalHours);
        Assert.Equal([24.0, 23.0, 24.0], hours);
        Assert.Equal([1, 2, 0], Counts(timeline));
    }

    [Fact]
    public async Task an_article_without_a_usable_publication_time_counts_at_its_ingest_time_and_says_so()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        var before = DateTimeOffset.UtcNow;
        await IngestAt("A rocket attack hit the airport.", null);
        await IngestAt("A rocket attack hit the base.", before.AddDays(3).ToString("O"));   // a feed's mistake: not news from the future
        await IngestAt("A rocket attack hit the port.", before.AddDays(-2).ToString("O"));

        var timeline = await Projected($"/api/watchlists/{rockets}/timeline?bucket=hour");

        Assert.Equal(7 * 24 + 1, timeline["buckets"]!.AsArray().Count);
        Assert.Equal((3, 2), (timeline["totals"]!["articles"]!.GetValue<long>(), timeline["totals"]!["byIngestTime"]!.GetValue<long>()));
        var now = timeline["buckets"]!.AsArray().Single(b => b!["byIngestTime"]!.GetValue<long>() > 0)!;
        Assert.Equal(2, now["articles"]!.GetValue<long>());
        Assert.InRange(before, DateTimeOffset.Parse(now["start"]!.GetValue<string>()).AddHours(-1), DateTimeOffset.Parse(now["end"]!.GetValue<string>()));
    }

    [Fact]
    public async Task lang_and_source_filter_the_counts()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"), ("هجوم صاروخي", "ar"));
        await IngestAt("A rocket attack hit the airport.", "2026-02-01T10:00:00Z", "en", "Wire A");
        await IngestAt("A rocket attack hit the base.", "2026-02-01T11:00:00Z", "en", "Wire B");
        await IngestAt("استهدف هجوم صاروخي القاعدة.", "2026-02-01T12:00:00Z", "ar", "Wire A");
        await IngestAt("A rocket attack hit the port.", "2026-02-01T13:00:00Z", "en");

        async Task<long> Total(string filter) =>
            (await Projected($"/api/watchlists/{rockets}/timeline?bucket=day&from=2026-02-01T00:00:00Z&to=2026-02-02T00:00:00Z{filter}"))["totals"]!["articles"]!.GetValue<long>();

        Assert.Equal(4, await Total(""));
        Assert.Equal(1, await Total("&lang=AR"));
        Assert.Equal(3, await Total("&lang=en"));
        Assert.Equal(2, await Total($"&source={Q("Wire A")}"));
        Assert.Equal(1, await Total($"&lang=en&source={Q("Wire B")}"));
        Assert.Equal(0, await Total("&source=Nobody"));
    }

    [Fact]
    public async Task several_watchlists_share_one_set_of_buckets()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        var drones = await CreateWatchlist("Drones", ("drone strike", "en"));
        await IngestAt("A rocket attack hit the airport.", "2026-02-01T10:00:00Z");
        await IngestAt("A drone strike and a rocket attack hit the base.", "2026-02-02T10:00:00Z");
        await IngestAt("A drone strike hit the convoy.", "2026-02-02T11:00:00Z");

        var chart = await Projected($"/api/timeline?watchlistIds={drones},{rockets}&bucket=day&tz=UTC&from=2026-02-01T00:00:00Z&to=2026-02-04T00:00:00Z");

        Assert.Equal(["2026-02-01T00:00:00+00:00", "2026-02-02T00:00:00+00:00", "2026-02-03T00:00:00+00:00"],
            chart["buckets"]!.AsArray().Select(b => b!["start"]!.GetValue<string>()));
        var series = chart["series"]!.AsArray();
        Assert.Equal([drones, rockets], series.Select(s => s!["watchlistId"]!.GetValue<Guid>()));
        Assert.Equal(["Drones", "Rockets"], series.Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal([0, 2, 0], series[0]!["articles"]!.AsArray().Select(n => n!.GetValue<long>()));
        Assert.Equal([1, 1, 0], series[1]!["articles"]!.AsArray().Select(n => n!.GetValue<long>()));
        Assert.Equal(2, series[1]!["totals"]!["alerts"]!.GetValue<long>());
    }
}
