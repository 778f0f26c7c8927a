using System.Net;
using MediaMonitor.Alerts;
using MediaMonitor.Webhooks;
using Marten;
using Wolverine.Marten;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Webhooks;

/// <summary>Alerts taken in over HTTP leave with the transaction that raised them, not when the daemon next looks.</summary>
public sealed class DispatchInTheRaisingTransaction(AppFixture app) : WebhookTest(app)
{
    [Fact]
    public async Task the_deliveries_of_an_ingested_alert_are_committed_with_it_and_its_first_attempt_is_sent_from_the_outbox()
    {
        var receiver = await Receiver();
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);

        var alerts = new System.Text.Json.Nodes.JsonArray();
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
        {
            alerts = await RaiseAlert();
            // Read before anything runs in the background: the delivery is already there, pending its first attempt.
            await using var session = App.Store.QuerySession();
            var delivery = await session.LoadAsync<Delivery>(DispatchAlertHandler.DeliveryId(subscription, alerts.Single()!["alertId"]!.GetValue<Guid>()));
            Assert.NotNull(delivery);
        }));

        var alertId = alerts.Single()!["alertId"]!.GetValue<Guid>();
        var sent = Assert.Single(tracked.Sent.MessagesOf<DeliverWebhook>());
        Assert.Equal(DispatchAlertHandler.DeliveryId(subscription, alertId), sent.DeliveryId);
        Assert.Empty(tracked.Executed.MessagesOf<JasperFx.Events.IEvent<AlertRaised>>());
        var raised = Assert.Single(await AllEvents(), e => e.Data is AlertRaised);
        Assert.True(DispatchAlertHandler.WasDispatched(raised));
        Assert.Equal(alertId.ToString(), System.Text.Json.Nodes.JsonNode.Parse((await receiver.NextAsync()).Text)!["data"]!["alertId"]!.GetValue<string>());
    }

    [Fact]
    public async Task an_alert_raised_without_a_dispatch_in_its_transaction_is_dispatched_by_the_subscription_once()
    {
        var receiver = await Receiver();
        var watchlist = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);
        var alertId = Guid.CreateVersion7();
        // The daemon is paused while the alert is appended, then made to catch up: the subscription, not a poll of the
        // daemon's timing, decides the test, and the tracking waits for the dispatch and the attempt it sends.
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).PauseThenCatchUpOnMartenDaemonActivity()
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            {
                // As the ingest command appends, before the service runs: the alert alone, unmarked.
                await using var session = App.Store.LightweightSession();
                session.Events.StartStream<AlertView>(alertId, new AlertRaised(alertId, Guid.CreateVersion7(), watchlist, 1, "Attacks",
                    "Attack", "en", null, null, null, [], DateTimeOffset.UtcNow));
                await session.SaveChangesAsync();
            }));

        Assert.Equal(DispatchAlertHandler.DeliveryId(subscription, alertId), Assert.Single(tracked.Sent.MessagesOf<DeliverWebhook>()).DeliveryId);
        await receiver.NextAsync();
        var delivery = await Delivery(subscription, d => d["status"]!.GetValue<string>() == "Delivered", "the delivery to be recorded");
        Assert.Equal(DispatchAlertHandler.DeliveryId(subscription, alertId).ToString(), delivery["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await Get($"/api/deliveries/{delivery["id"]}")).StatusCode);
    }
}
