using System.Net;
using System.Text.Json.Nodes;
using MediaMonitor.Webhooks;
using MediaMonitor.IntegrationTests.Webhooks;
using Marten;

namespace MediaMonitor.IntegrationTests.Spikes;

public sealed class SpikeWebhooks(AppFixture app) : SpikeTest(app)
{
    private async Task<(Guid Id, string Secret)> SubscribeTo(string url, object? types, Guid[]? watchlistIds = null, string? delivery = null)
    {
        var json = await Json(await PostJson("/api/subscriptions", new { url, watchlistIds, types, delivery }), HttpStatusCode.Created);
        return (json["subscription"]!["id"]!.GetValue<Guid>(), json["secret"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_spike_goes_as_a_signed_watchlist_spike_webhook_to_the_subscriptions_that_asked_for_it_and_wanted_its_watchlist()
    {
        var spikes = await Receiver();
        var alertsOnly = await Receiver();
        var elsewhere = await Receiver();
        var attacks = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var other = await CreateWatchlist("Elections", ("election", "en"));
        var (spikeSubscription, secret) = await SubscribeTo(spikes.Url, new[] { "watchlist.spike" });
        var (alertSubscription, _) = await SubscribeTo(alertsOnly.Url, null, [attacks]);
        var (elsewhereSubscription, _) = await SubscribeTo(elsewhere.Url, new[] { "watchlist.spike", "alert.raised" }, [other]);
        await WatchLastHour(attacks);

        await SteadyThenSurge();
        var spike = Assert.Single(await SpikesInTheLog());

        var received = await spikes.NextAsync(TimeSpan.FromSeconds(60));
        Assert.True(WebhookVerifier.Verify(secret, received), "the spike webhook is signed with the subscription's secret");
        Assert.Equal(DispatchAlertHandler.DeliveryId(spikeSubscription, spike.SpikeId).ToString(), received.Header("webhook-id"));
        var payload = JsonNode.Parse(received.Text)!;
        Assert.Equal("watchlist.spike", payload["type"]!.GetValue<string>());
        Assert.Equal(1, payload["version"]!.GetValue<int>());
        Assert.Equal(spike.DetectedAt, payload["timestamp"]!.GetValue<DateTimeOffset>());
        var data = payload["data"]!;
        Assert.Equal(spike.SpikeId, data["spikeId"]!.GetValue<Guid>());
        Assert.Equal(attacks, data["watchlistId"]!.GetValue<Guid>());
        Assert.Equal("Attacks", data["watchlistName"]!.GetValue<string>());
        Assert.Equal(spike.Observed, data["observed"]!.GetValue<int>());
        Assert.Equal(spike.Expected, data["expected"]!.GetValue<double>());
        Assert.Equal(spike.WindowStart, data["windowStart"]!.GetValue<DateTimeOffset>());
        Assert.Equal("sameHours", data["compare"]!.GetValue<string>());
        Assert.Equal("P7D", data["baseline"]!.GetValue<string>());
        Assert.Equal(spike.ArticleIds, data["articleIds"]!.AsArray().Select(a => a!.GetValue<Guid>()));
        // The spike-only subscription got no alert; the alert-only one got the alerts and no spike; the subscription to
        // another watchlist got nothing.
        await spikes.NothingMoreAsync(TimeSpan.FromSeconds(1));
        await using var session = App.Store.QuerySession();
        var deliveries = await session.Query<Delivery>().ToListAsync();
        Assert.Equal([spikeSubscription], deliveries.Where(d => d.Kind == DeliveryKind.Spike).Select(d => d.SubscriptionId));
        Assert.All(deliveries.Where(d => d.Kind == DeliveryKind.Alert), d => Assert.Equal(alertSubscription, d.SubscriptionId));
        Assert.Contains(deliveries, d => d.SubscriptionId == alertSubscription);
        Assert.DoesNotContain(deliveries, d => d.SubscriptionId == elsewhereSubscription);
        var delivery = await Delivery(spikeSubscription, d => d["status"]!.GetValue<string>() == "Delivered", "the spike delivery to be recorded");
        Assert.Equal("Spike", delivery["kind"]!.GetValue<string>());
        Assert.Equal(spike.SpikeId, delivery["alertId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task types_and_delivery_are_shown_changed_and_checked()
    {
        var receiver = await Receiver();
        var (id, _) = await SubscribeTo(receiver.Url, null);
        var shown = await Subscription(id);
        Assert.Equal(["alert.raised"], shown["types"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("every", shown["delivery"]!.GetValue<string>());

        await Json(await PutJson($"/api/subscriptions/{id}/filters", new { types = new[] { "watchlist.spike", "alert.raised" }, delivery = "first-per-story" }), HttpStatusCode.OK);

        var changed = await Subscription(id);
        Assert.Equal(["watchlist.spike", "alert.raised"], changed["types"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("first-per-story", changed["delivery"]!.GetValue<string>());
        // Left out, they stay as they are.
        await Json(await PutJson($"/api/subscriptions/{id}/filters", new { includeBackfill = false }), HttpStatusCode.OK);
        Assert.Equal("first-per-story", (await Subscription(id))["delivery"]!.GetValue<string>());

        var refused = await Json(await PostJson("/api/subscriptions", new { url = receiver.Url, types = new[] { "alert.raised", "story.grouped" }, delivery = "daily" }),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["delivery", "types[1]"], refused["errors"]!.AsObject().Select(e => e.Key).Order());
        var empty = await Json(await PutJson($"/api/subscriptions/{id}/filters", new { types = Array.Empty<string>() }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["types"], empty["errors"]!.AsObject().Select(e => e.Key));
    }
}
