using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Webhooks;

public sealed class RedeliveryAndReplay(AppFixture app) : WebhookTest(app)
{
    [Fact]
    public async Task a_delivered_alert_can_be_redelivered_with_the_same_webhook_id()
    {
        var receiver = await Receiver();
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);
        await RaiseAlert();
        var original = await receiver.NextAsync();
        var delivery = await Delivery(subscription, d => d["status"]!.GetValue<string>() == "Delivered", "the delivery");

        var accepted = await Json(await PostJson($"/api/deliveries/{delivery["id"]}/redeliver", new { }), HttpStatusCode.Accepted);
        Assert.Equal("Redeliver", accepted["trigger"]!.GetValue<string>());
        var again = await receiver.NextAsync();

        Assert.Equal(original.Header("webhook-id"), again.Header("webhook-id"));
        Assert.Equal(original.Text, again.Text);
        await Eventually(async () =>
        {
            var d = await Json(await Get($"/api/deliveries/{delivery["id"]}"), HttpStatusCode.OK);
            return d["status"]!.GetValue<string>() == "Delivered" && d["attempts"]!.AsArray().Count == 2;
        }, "the second attempt to be recorded");
    }

    [Fact]
    public async Task a_pending_delivery_cannot_be_redelivered()
    {
        var receiver = await Receiver(new TestReceiver.Answer(500), new TestReceiver.Answer(500), new TestReceiver.Answer(500));
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);
        await RaiseAlert();
        await receiver.NextAsync();
        var delivery = await Delivery(subscription, d => d["status"]!.GetValue<string>() == "Pending", "a pending delivery");

        await Json(await PostJson($"/api/deliveries/{delivery["id"]}/redeliver", new { }), HttpStatusCode.Conflict);
        await Json(await PostJson($"/api/deliveries/{Guid.NewGuid()}/redeliver", new { }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_replay_resends_the_alerts_of_a_time_range_including_ones_raised_before_the_subscription()
    {
        var receiver = await Receiver();
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var early = Assert.Single(await RaiseAlert("A rocket attack hit the town."))!["alertId"]!.GetValue<Guid>();
        var (subscription, secret) = await Subscribe(receiver.Url);
        var late = Assert.Single(await RaiseAlert("Another rocket attack hit the port."))!["alertId"]!.GetValue<Guid>();
        var live = await receiver.NextAsync();
        Assert.Equal(late, AlertOf(live));
        await Delivery(subscription, d => d["status"]!.GetValue<string>() == "Delivered", "the live delivery");

        var replay = await Json(await PostJson($"/api/subscriptions/{subscription}/replay", new { from = before }), HttpStatusCode.Accepted);
        Assert.Equal(2, replay["alerts"]!.GetValue<int>());
        Assert.NotEqual(Guid.Empty, replay["replayId"]!.GetValue<Guid>());

        var replayed = new[] { await receiver.NextAsync(), await receiver.NextAsync() };
        Assert.Equal(new[] { early, late }.Order(), replayed.Select(AlertOf).Order());
        Assert.All(replayed, r => Assert.True(WebhookVerifier.Verify(secret, r)));
        Assert.Equal(live.Header("webhook-id"), replayed.Single(r => AlertOf(r) == late).Header("webhook-id"));
        await receiver.NothingMoreAsync(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task a_replay_without_a_start_or_with_an_empty_range_is_refused()
    {
        var (subscription, _) = await Subscribe("http://127.0.0.1:9/hook");
        await Json(await PostJson($"/api/subscriptions/{subscription}/replay", new { }), HttpStatusCode.UnprocessableEntity);
        var now = DateTimeOffset.UtcNow;
        await Json(await PostJson($"/api/subscriptions/{subscription}/replay", new { from = now, to = now.AddHours(-1) }), HttpStatusCode.UnprocessableEntity);
        await Json(await PostJson($"/api/subscriptions/{Guid.NewGuid()}/replay", new { from = now.AddHours(-1) }), HttpStatusCode.NotFound);
    }

    private static Guid AlertOf(TestReceiver.Received received) => JsonNode.Parse(received.Text)!["data"]!["alertId"]!.GetValue<Guid>();
}
