using System.Net;
using MediaMonitor.Watchlists;

namespace MediaMonitor.IntegrationTests.Watchlists;

/// <summary>Another node changes a watchlist straight in the shared database; this node must match with the new version.</summary>
public sealed class ChangesFromAnotherNode(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task when_another_node_changes_the_terms_the_next_article_here_uses_them()
    {
        var id = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await Ingest(new { body = "A rocket attack hit the town." });   // this node compiles version 1

        await using (var otherNode = App.Store.LightweightSession())
        {
            otherNode.Events.Append(id, new WatchlistTermsChanged(id, [new WatchTerm("drone strike", "en")], DateTimeOffset.UtcNow));
            await otherNode.SaveChangesAsync();
        }

        var byOld = await Ingest(new { body = "Another rocket attack hit the port." });
        var byNew = await Ingest(new { body = "A drone strike hit the convoy." });
        Assert.Empty(byOld["alerts"]!.AsArray());
        Assert.Equal(2, Assert.Single(byNew["alerts"]!.AsArray())!["watchlistVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task when_another_node_pauses_a_watchlist_it_raises_nothing_here()
    {
        var id = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await Ingest(new { body = "A rocket attack hit the town." });

        await using (var otherNode = App.Store.LightweightSession())
        {
            otherNode.Events.Append(id, new WatchlistPaused(id, DateTimeOffset.UtcNow));
            await otherNode.SaveChangesAsync();
        }

        var after = await Ingest(new { body = "Another rocket attack hit the port." });
        Assert.Empty(after["alerts"]!.AsArray());
        var watchlist = await Json(await Get($"/api/watchlists/{id}"), HttpStatusCode.OK);
        Assert.Equal("Paused", watchlist["state"]!.GetValue<string>());
    }
}
