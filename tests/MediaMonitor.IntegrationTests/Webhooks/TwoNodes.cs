using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Webhooks;

/// <summary>
/// Two service processes on one database of their own, not solo: each subscription's deliveries belong to one shard,
/// which one node listens to, whichever node raised the alert.
/// </summary>
public sealed class TwoNodes(AppFixture app) : WebhookTest(app)
{
    [Fact]
    public async Task alerts_ingested_through_either_node_reach_each_subscriber_once_in_the_order_raised_and_a_node_stopping_hands_its_work_over()
    {
        await using var database = await App.Database.SiblingAsync();
        var receivers = new[] { await Receiver(), await Receiver(), await Receiver() };
        await using var first = await StartNodeAsync(database.ConnectionString);
        await using var second = await StartNodeAsync(database.ConnectionString);
        var clients = new[] { first.Client(), second.Client() };
        var watchlist = await clients[0].PostAsJsonAsync("/api/watchlists", new { name = "Attacks", terms = new[] { new { phrase = "rocket attack" } } });
        Assert.Equal(HttpStatusCode.Created, watchlist.StatusCode);
        var subscriptions = new List<Guid>();
        foreach (var receiver in receivers)
        {
            var created = await clients[1].PostAsJsonAsync("/api/subscriptions", new { url = receiver.Url });
            subscriptions.Add((await Json(created, HttpStatusCode.Created))["subscription"]!["id"]!.GetValue<Guid>());
        }

        // One after the other, through the two nodes in turn: the order raised is the order of these calls.
        var titles = Enumerable.Range(0, 10).Select(i => $"Outpost {i:D2}").ToList();
        for (var i = 0; i < titles.Count; i++) await IngestAsync(clients[i % 2], titles[i]);
        foreach (var receiver in receivers) Assert.Equal(titles, await TitlesAsync(receiver, titles.Count));

        await first.StopAsync();
        var later = new[] { "Outpost 10", "Outpost 11", "Outpost 12" };
        foreach (var title in later) await IngestAsync(clients[1], title);
        foreach (var receiver in receivers) Assert.Equal(later, await TitlesAsync(receiver, later.Length));

        // Once each: every delivery was recorded with a single attempt, and no receiver had a request twice.
        foreach (var (subscription, receiver) in subscriptions.Zip(receivers))
        {
            var page = await Json(await clients[1].GetAsync($"/api/subscriptions/{subscription}/deliveries?limit=100"), HttpStatusCode.OK);
            var deliveries = page["items"]!.AsArray();
            Assert.Equal(titles.Count + later.Length, deliveries.Count);
            Assert.All(deliveries, d => Assert.Single(d!["attempts"]!.AsArray()));
            Assert.Equal(titles.Count + later.Length, receiver.All.Select(r => r.Header("webhook-id")).Distinct().Count());
            Assert.Equal(titles.Count + later.Length, receiver.All.Count);
        }
    }

    private static async Task IngestAsync(HttpClient client, string title)
    {
        var ingested = await client.PostAsJsonAsync("/api/articles", new { title, body = $"A rocket attack hit {title} overnight." });
        Assert.Equal(HttpStatusCode.Created, ingested.StatusCode);
    }

    private static async Task<List<string>> TitlesAsync(TestReceiver receiver, int count)
    {
        var titles = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var arrived = await receiver.NextAsync(TimeSpan.FromSeconds(60));
            titles.Add(JsonNode.Parse(arrived.Text)!["data"]!["title"]!.GetValue<string>());
        }
        return titles;
    }
}
