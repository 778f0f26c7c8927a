using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MediaMonitor.Webhooks;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Webhooks;

public sealed class DeliveryOrderAndIsolation(AppFixture app) : WebhookTest(app)
{
    private async Task<IReadOnlyList<Guid>> RaiseAlertsInOneBatch(int count)
    {
        var batch = Enumerable.Range(1, count).Select(i => new { body = $"Rocket attack number {i} hit the town.", url = $"https://news.example/{i}" });
        var response = await Client(AppFixture.IngestKey).PostAsJsonAsync("/api/articles/batch", batch);
        var json = await Json(response, HttpStatusCode.OK);
        return json["items"]!.AsArray().Select(i => i!["alerts"]![0]!["alertId"]!.GetValue<Guid>()).ToList();
    }

    private static Guid AlertOf(TestReceiver.Received r) => JsonNode.Parse(r.Text)!["data"]!["alertId"]!.GetValue<Guid>();

    [Fact]
    public async Task a_subscriber_receives_alerts_in_the_order_they_were_raised()
    {
        var receiver = await Receiver();
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await Subscribe(receiver.Url);

        var raised = await RaiseAlertsInOneBatch(12);

        var received = new List<Guid>();
        for (var i = 0; i < raised.Count; i++) received.Add(AlertOf(await receiver.NextAsync()));
        Assert.Equal(raised, received);
    }

    [Fact]
    public async Task the_deliveries_of_a_burst_of_alerts_are_attempted_a_batch_at_a_time_in_the_order_raised()
    {
        var receiver = await Receiver();
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await Subscribe(receiver.Url);

        IReadOnlyList<Guid> raised = [];
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).WaitForExecutionOf<DeliverWebhook[]>(1)
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ => raised = await RaiseAlertsInOneBatch(12)));

        var received = new List<Guid>();
        for (var i = 0; i < raised.Count; i++) received.Add(AlertOf(await receiver.NextAsync()));
        Assert.Equal(raised, received);
        // One transaction for several attempts: the twelve went in fewer batches than deliveries.
        var batches = tracked.Executed.MessagesOf<DeliverWebhook[]>().ToList();
        Assert.InRange(batches.Count, 1, raised.Count - 1);
    }

    [Fact]
    public async Task a_slow_endpoint_does_not_delay_a_subscription_on_another_delivery_lane()
    {
        var slowAnswer = new TestReceiver.Answer(200, Delay: TimeSpan.FromSeconds(1.5));
        var slow = await Receiver(slowAnswer, slowAnswer, slowAnswer, slowAnswer);
        var fast = await Receiver();
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (slowSubscription, _) = await Subscribe(slow.Url);
        // Subscriptions that hash to the same lane take turns: the one that gets the alerts is on another lane.
        while (true)
        {
            var (fastSubscription, _) = await Subscribe(fast.Url);
            if (Lane(fastSubscription) != Lane(slowSubscription)) break;
            Assert.Equal(HttpStatusCode.NoContent, (await Client(AppFixture.AdminKey).DeleteAsync($"/api/subscriptions/{fastSubscription}")).StatusCode);
        }

        await RaiseAlertsInOneBatch(4);

        var fastArrivals = new List<DateTimeOffset>();
        for (var i = 0; i < 4; i++) fastArrivals.Add((await fast.NextAsync()).At);
        var slowArrivals = new List<DateTimeOffset>();
        for (var i = 0; i < 4; i++) slowArrivals.Add((await slow.NextAsync()).At);
        // The slow endpoint takes 1.5 s an answer, one delivery at a time: its last arrives 4.5 s after its first.
        // The fast one must have had all four before the slow one had its third.
        Assert.True(fastArrivals.Max() < slowArrivals[2], $"fast done at {fastArrivals.Max():O}, slow third at {slowArrivals[2]:O}");
        Assert.True(slowArrivals[3] - slowArrivals[0] >= TimeSpan.FromSeconds(4), "the slow endpoint got its deliveries one at a time");
    }

    [Fact]
    public async Task while_an_endpoint_asks_for_time_no_delivery_goes_to_it_until_then()
    {
        // The test schedule would retry after 0.2 s; the endpoint asks for 2 s, and three other alerts are waiting.
        var receiver = await Receiver(new TestReceiver.Answer(503, new Dictionary<string, string> { ["Retry-After"] = "2" }));
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);

        var raised = await RaiseAlertsInOneBatch(4);

        var refused = await receiver.NextAsync();
        var next = await receiver.NextAsync();
        Assert.True(next.At - refused.At >= TimeSpan.FromSeconds(1.9), $"next request after {(next.At - refused.At).TotalSeconds:0.00} s");
        var rest = new[] { next, await receiver.NextAsync(), await receiver.NextAsync(), await receiver.NextAsync() };
        Assert.Equal(raised.Order(), rest.Select(AlertOf).Order());
        await Eventually(async () =>
        {
            var page = await Json(await Get($"/api/subscriptions/{subscription}/deliveries"), HttpStatusCode.OK);
            return page["items"]!.AsArray().Count(d => d!["status"]!.GetValue<string>() == "Delivered") == 4;
        }, "all four delivered");
        var attempts = (await Json(await Get($"/api/subscriptions/{subscription}/deliveries"), HttpStatusCode.OK))["items"]!.AsArray()
            .Sum(d => d!["attempts"]!.AsArray().Count);
        Assert.Equal(5, attempts);
    }

    [Fact]
    public async Task deliveries_held_back_by_a_failing_endpoint_wait_without_a_message_each_and_go_in_the_order_raised_once_it_recovers()
    {
        var receiver = await Receiver(new TestReceiver.Answer(503, new Dictionary<string, string> { ["Retry-After"] = "2" }));
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);

        IReadOnlyList<Guid> raised = [];
        // Until a batch of attempts has run: the batches are assembled after the ingest's messages are received.
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).WaitForExecutionOf<DeliverWebhook[]>(1)
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ => raised = await RaiseAlertsInOneBatch(8)));

        // The first attempt was refused; the seven deliveries behind it are parked: one retry and one release wait, not
        // a rescheduled message per delivery.
        Assert.Single(tracked.Scheduled.MessagesOf<DeliverWebhook>());
        Assert.Equal(subscription, Assert.Single(tracked.Scheduled.MessagesOf<ReleaseParkedDeliveries>()).SubscriptionId);
        var held = await Json(await Get($"/api/subscriptions/{subscription}/deliveries"), HttpStatusCode.OK);
        Assert.Equal(8, held["items"]!.AsArray().Count(d => d!["status"]!.GetValue<string>() == "Pending"));

        Assert.Equal(raised[0], AlertOf(await receiver.NextAsync()));
        var after = new List<Guid>();
        for (var i = 0; i < raised.Count; i++) after.Add(AlertOf(await receiver.NextAsync()));
        Assert.Equal(raised.Skip(1), after.Where(a => a != raised[0]));
        Assert.Contains(raised[0], after);
    }

    [Fact]
    public async Task a_delivery_message_that_arrives_before_those_queued_ahead_of_it_makes_them_go_first()
    {
        // The first delivery holds the lane; the five behind it wait, due, in the database.
        var receiver = await Receiver(new TestReceiver.Answer(200, Delay: TimeSpan.FromSeconds(3)));
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);
        var raised = await RaiseAlertsInOneBatch(6);
        await receiver.InHandAsync();
        var deliveries = raised.Select(a => DispatchAlertHandler.DeliveryId(subscription, a)).ToList();

        // As a node's inbox recovered after a crash may hand them over: the fifth's message, then the third's.
        await using var session = App.Store.QuerySession();
        var tickets = (await session.LoadManyAsync<Delivery>(deliveries)).ToDictionary(d => d.Id, d => d.Ticket!.Value);
        var sent = new[] { 4, 2 }.Select(i => new DeliveryRun.Item(deliveries[i], raised[i], tickets[deliveries[i]], Released: false)).ToList();
        var run = await DeliverWebhookHandler.InOrderAsync(session, subscription, sent, DateTimeOffset.UtcNow, CancellationToken.None);

        // Up to the last one sent, in the order raised (the first is still pending: its attempt is in hand).
        Assert.Equal(deliveries.Take(5), run.Select(i => i.DeliveryId));
        Assert.All(run, i => Assert.Equal(tickets[i.DeliveryId], i.Ticket));
    }
}
