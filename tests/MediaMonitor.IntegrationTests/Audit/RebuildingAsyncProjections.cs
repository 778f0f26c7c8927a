using System.Net;
using MediaMonitor.Audit;
using Marten;
using Marten.Events;
using Wolverine;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Audit;

/// <summary>An async projection rebuilt over HTTP goes on projecting what comes after, at once.</summary>
public sealed class RebuildingAsyncProjections(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task after_the_match_counts_are_rebuilt_a_new_match_is_counted()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        await Ingest(new { body = "A rocket attack hit the town." });
        await Ingest(new { body = "Another rocket attack hit the port." });
        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        await App.Host.TrackActivity().Timeout(TimeSpan.FromMinutes(1)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            await Json(await PostJson("/api/admin/projections/WatchlistMatchStats/rebuild", new { }), HttpStatusCode.Accepted)));
        Assert.Equal("Completed", (await Json(await Get("/api/admin/projections/WatchlistMatchStats/rebuild"), HttpStatusCode.OK))["state"]!.GetValue<string>());
        Assert.Equal(2, await MatchCount(rockets));

        // Wolverine's agent health check would start the projection's agent again, but only some 20 s later.
        await Ingest(new { body = "A third rocket attack hit the bridge." });
        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, await MatchCount(rockets));
    }

    private async Task<long> MatchCount(Guid watchlist) =>
        (await Json(await Get($"/api/watchlists/{watchlist}"), HttpStatusCode.OK))["matchCount"]!.GetValue<long>();
}
