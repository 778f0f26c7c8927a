using System.Net;
using MediaMonitor.Ingestion;
using Wolverine;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Timelines;

public sealed class CountingOnce(AppFixture app) : TimelineTest(app)
{
    [Fact]
    public async Task an_article_matched_again_by_a_backfill_after_a_rename_counts_once()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        await IngestAt("A rocket attack hit the airport.", "2026-02-01T10:00:00Z", "en", "Wire");
        await Json(await PutJson($"/api/watchlists/{rockets}/name", new { name = "Rocket attacks" }), HttpStatusCode.OK);
        await App.Host.TrackActivity().Timeout(TimeSpan.FromMinutes(1)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            await Json(await PostJson($"/api/watchlists/{rockets}/backfill", new { }), HttpStatusCode.Accepted)));
        Assert.Equal(2, (await AllEvents()).Count(e => e.Data is ArticleMatched m && m.WatchlistId == rockets));

        var timeline = await Projected($"/api/watchlists/{rockets}/timeline?bucket=day&from=2026-02-01T00:00:00Z&to=2026-02-02T00:00:00Z");
        var summary = await Projected($"/api/watchlists/{rockets}/summary?from=2026-02-01T00:00:00Z&to=2026-02-02T00:00:00Z");

        Assert.Equal((1, 1), (timeline["totals"]!["articles"]!.GetValue<long>(), timeline["totals"]!["alerts"]!.GetValue<long>()));
        Assert.Equal((1, 1), (summary["articles"]!.GetValue<long>(), summary["alerts"]!.GetValue<long>()));
        Assert.Equal(1, Assert.Single(summary["bySource"]!.AsArray())!["articles"]!.GetValue<long>());
    }
}
