using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Webhooks;

/// <summary>
/// Service processes on one database of their own, not solo: a node killed with SIGKILL while its webhooks wait in its
/// inbox. How soon its work is taken over is measured by the failover benchmark; here the bound is a hang's.
/// </summary>
public sealed class NodeFailover(AppFixture app) : WebhookTest(app)
{
    private const int Articles = 12;

    [Fact]
    public async Task when_a_node_is_killed_while_its_webhooks_wait_the_other_node_sends_each_of_them_in_order()
    {
        await using var database = await App.Database.SiblingAsync();
        var receiver = await SlowReceiver();
        await using var doomed = await StartNodeAsync(database.ConnectionString);
        await using var survivor = await StartNodeAsync(database.ConnectionString);
        var subscription = await RaiseAlertsAsync(doomed.Client(), receiver);

        await receiver.InHandAsync();
        doomed.Kill();

        await AssertEachSentInOrderAsync(receiver, survivor.Client(), subscription);
    }

    [Fact]
    public async Task when_the_only_node_is_killed_while_its_webhooks_wait_a_node_started_after_it_sends_each_of_them_in_order()
    {
        await using var database = await App.Database.SiblingAsync();
        var receiver = await SlowReceiver();
        Guid subscription;
        await using (var doomed = await StartNodeAsync(database.ConnectionString))
        {
            subscription = await RaiseAlertsAsync(doomed.Client(), receiver);
            await receiver.InHandAsync();
            doomed.Kill();
        }

        await using var successor = await StartNodeAsync(database.ConnectionString);
        await AssertEachSentInOrderAsync(receiver, successor.Client(), subscription);
    }

    /// <summary>Slow answers keep most of the doomed node's webhooks waiting in its inbox when it dies.</summary>
    private Task<TestReceiver> SlowReceiver() =>
        Receiver(Enumerable.Repeat(new TestReceiver.Answer(200, Delay: TimeSpan.FromMilliseconds(300)), Articles).ToArray());

    private async Task<Guid> RaiseAlertsAsync(HttpClient client, TestReceiver receiver)
    {
        var watchlist = await client.PostAsJsonAsync("/api/watchlists", new { name = "Attacks", terms = new[] { new { phrase = "rocket attack" } } });
        Assert.Equal(HttpStatusCode.Created, watchlist.StatusCode);
        var created = await client.PostAsJsonAsync("/api/subscriptions", new { url = receiver.Url });
        var subscription = (await Json(created, HttpStatusCode.Created))["subscription"]!["id"]!.GetValue<Guid>();
        for (var i = 0; i < Articles; i++)
        {
            var ingested = await client.PostAsJsonAsync("/api/articles", new { title = $"Outpost {i:D2}", body = $"A rocket attack hit outpost {i} overnight." });
            Assert.Equal(HttpStatusCode.Created, ingested.StatusCode);
        }
        return subscription;
    }

    private async Task AssertEachSentInOrderAsync(TestReceiver receiver, HttpClient client, Guid subscription)
    {
        // In the order raised: the subscription's shard, with the deliveries waiting in it, passes to the live node.
        // An attempt the dead node made but could not record comes again (the crash window); it is not counted twice.
        var titles = new List<string>();
        while (titles.Count < Articles)
        {
            var arrived = await receiver.NextAsync(TimeSpan.FromSeconds(60));
            var title = JsonNode.Parse(arrived.Text)!["data"]!["title"]!.GetValue<string>();
            if (!titles.Contains(title)) titles.Add(title);
        }
        Assert.Equal(Enumerable.Range(0, Articles).Select(i => $"Outpost {i:D2}"), titles);
        // Once each, or twice for an attempt the dead node made but could not record (the crash window).
        Assert.All(receiver.All.GroupBy(r => r.Header("webhook-id")), g => Assert.InRange(g.Count(), 1, 2));

        await Eventually(async () =>
        {
            var page = JsonNode.Parse(await client.GetStringAsync($"/api/subscriptions/{subscription}/deliveries?limit=100"))!;
            return page["items"]!.AsArray().Count(d => d!["status"]!.GetValue<string>() == "Delivered") == Articles;
        }, "every delivery to be recorded as delivered");
    }
}
