using System.Net;
using MediaMonitor.Ingestion;
using MediaMonitor.Matching;

namespace MediaMonitor.IntegrationTests.Timelines;

public sealed class CountingOnce(AppFixture app) : TimelineTest(app)
{
    [Fact]
    public async Task an_article_matched_twice_by_one_watchlist_counts_once()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        var article = await IngestAt("A rocket attack hit the airport.", "2026-02-01T10:00:00Z", "en", "Wire");
        // A second match of the same article and watchlist at a later version, as a backfill after a rename recorded
        // before one alert per article and watchlist held: the log keeps such pairs, and they count once.
        await using (var session = App.Store.LightweightSession())
        {
            session.Events.Append(article, new ArticleMatched(article, rockets, 2, "Rocket attacks",
                [new MatchHit("rocket attack", ArticleField.Body, 2, 13, "rocket attack")], DateTimeOffset.UtcNow, Backfill: true,
                PublishedAt: DateTimeOffset.Parse("2026-02-01T10:00:00Z")));
            await session.SaveChangesAsync();
        }
        Assert.Equal(2, (await AllEvents()).Count(e => e.Data is ArticleMatched m && m.WatchlistId == rockets));

        var timeline = await Projected($"/api/watchlists/{rockets}/timeline?bucket=day&from=2026-02-01T00:00:00Z&to=2026-02-02T00:00:00Z");
        var summary = await Projected($"/api/watchlists/{rockets}/summary?from=2026-02-01T00:00:00Z&to=2026-02-02T00:00:00Z");

        Assert.Equal((1, 1), (timeline["totals"]!["articles"]!.GetValue<long>(), timeline["totals"]!["alerts"]!.GetValue<long>()));
        Assert.Equal((1, 1), (summary["articles"]!.GetValue<long>(), summary["alerts"]!.GetValue<long>()));
        Assert.Equal(1, Assert.Single(summary["bySource"]!.AsArray())!["articles"]!.GetValue<long>());
    }
}
