using System.Net;
using System.Text.Json.Nodes;
using MediaMonitor.IntegrationTests.Infrastructure;

namespace MediaMonitor.IntegrationTests.Seeds;

/// <summary>Two service processes started together on an empty database (docker compose with two replicas): both load
/// the seeds at once.</summary>
public sealed class SeedsOnTwoNodes(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task two_nodes_started_together_on_an_empty_database_both_start_and_the_seeds_are_there_once()
    {
        await using var database = await App.Database.SiblingAsync();
        (string, string)[] seeds = [("MediaMonitor__Seeds__Enabled", "true")];
        var starting = new[]
        {
            ServiceProcess.StartAsync("Production", database.ConnectionString, AppFixture.AdminKey, seeds),
            ServiceProcess.StartAsync("Production", database.ConnectionString, AppFixture.AdminKey, seeds),
        };
        var nodes = await Task.WhenAll(starting);
        try
        {
            var client = nodes[1].Client();
            var watchlists = JsonNode.Parse(await client.GetStringAsync("/api/watchlists"))!.AsArray();
            Assert.Equal(8, watchlists.Count);
            Assert.Equal(watchlists.Count, watchlists.Select(w => w!["name"]!.GetValue<string>()).Distinct().Count());
            // The seed article, taken in once, raised one alert per watchlist.
            var alerts = await client.GetAsync("/api/alerts?limit=100");
            Assert.Equal(HttpStatusCode.OK, alerts.StatusCode);
            var items = JsonNode.Parse(await alerts.Content.ReadAsStringAsync())!["items"]!.AsArray();
            Assert.Equal(8, items.Count);
            Assert.Single(items.Select(a => a!["articleId"]!.GetValue<Guid>()).Distinct());
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }
}
