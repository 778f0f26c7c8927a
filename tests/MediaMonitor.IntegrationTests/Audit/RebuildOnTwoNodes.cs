using System.Net;
using System.Net.Http.Json;
using MediaMonitor.IntegrationTests.Infrastructure;

namespace MediaMonitor.IntegrationTests.Audit;

/// <summary>
/// Two service processes on one database, not solo: an async projection's rebuild asked of either node runs where
/// the projection's agent runs, so the two never project side by side, and the projection goes on at once after.
/// </summary>
public sealed class RebuildOnTwoNodes(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task the_match_counts_rebuilt_through_either_node_stay_exact_and_keep_counting()
    {
        await using var database = await App.Database.SiblingAsync();
        await using var first = await ServiceProcess.StartAsync("Testing", database.ConnectionString, AppFixture.AdminKey, []);
        await using var second = await ServiceProcess.StartAsync("Testing", database.ConnectionString, AppFixture.AdminKey, []);
        var clients = new[] { first.Client(), second.Client() };
        var created = await clients[0].PostAsJsonAsync("/api/watchlists", new { name = "Rockets", terms = new[] { new { phrase = "rocket attack" } } });
        var watchlist = (await Json(created, HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        var matches = 0;
        foreach (var client in clients.Concat(clients))
        {
            await Ingest(client, ++matches);
            await Eventually(async () => await MatchCount(client, watchlist) == matches, $"a match count of {matches}");

            await Json(await client.PostAsJsonAsync("/api/admin/projections/WatchlistMatchStats/rebuild", new { }), HttpStatusCode.Accepted);
            await Eventually(async () => await RebuildState(clients[1 - Array.IndexOf(clients, client)]) == "Completed", "the rebuild");
            Assert.Equal(matches, await MatchCount(client, watchlist));
        }

        await Ingest(clients[1], ++matches);
        await Eventually(async () => await MatchCount(clients[0], watchlist) == matches, $"a match count of {matches} after the rebuilds");
    }

    private static async Task Ingest(HttpClient client, int number)
    {
        var ingested = await client.PostAsJsonAsync("/api/articles", new { title = $"Report {number}", body = $"Rocket attack number {number}: a rocket attack hit the town." });
        Assert.Equal(HttpStatusCode.Created, ingested.StatusCode);
    }

    private static async Task<long> MatchCount(HttpClient client, Guid watchlist) =>
        (await Json(await client.GetAsync($"/api/watchlists/{watchlist}"), HttpStatusCode.OK))["matchCount"]!.GetValue<long>();

    private static async Task<string> RebuildState(HttpClient client) =>
        (await Json(await client.GetAsync("/api/admin/projections/WatchlistMatchStats/rebuild"), HttpStatusCode.OK))["state"]!.GetValue<string>();
}
