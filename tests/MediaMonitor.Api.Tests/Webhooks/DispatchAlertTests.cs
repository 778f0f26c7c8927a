using MediaMonitor.Alerts;
using MediaMonitor.Webhooks;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class DispatchAlertTests
{
    private static readonly DateTimeOffset RaisedAt = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Rockets = Guid.NewGuid();
    private static readonly Guid Drones = Guid.NewGuid();

    private static AlertRaised Alert(Guid watchlistId) => new(
        Guid.NewGuid(), Guid.NewGuid(), watchlistId, 2, "Rockets", "Rocket attack reported", "en", "wire", "https://news.example/1",
        RaisedAt.AddMinutes(-5), [], RaisedAt);

    private static Subscription Subscribed(IReadOnlyList<Guid>? watchlistIds = null, DateTimeOffset? createdAt = null) =>
        Subscription.Create(new SubscriptionCreated(Guid.NewGuid(), "https://hooks.example.com/", watchlistIds, null,
            createdAt ?? RaisedAt.AddDays(-1)));

    [Fact]
    public void when_subscriptions_are_not_active_they_get_no_alert()
    {
        var active = Subscribed();
        var paused = Subscribed();
        paused.Apply(new SubscriptionPaused(paused.Id, RaisedAt.AddHours(-1)));
        var disabled = Subscribed();
        disabled.Apply(new SubscriptionDisabled(disabled.Id, "The endpoint answered 410 Gone.", RaisedAt.AddHours(-1)));
        var deleted = Subscribed();
        deleted.Apply(new SubscriptionDeleted(deleted.Id, RaisedAt.AddHours(-1)));

        Assert.Equal([active], DispatchAlertHandler.Recipients([paused, active, disabled, deleted], Alert(Rockets)));
    }

    [Fact]
    public void when_a_subscription_has_no_filter_it_gets_every_watchlists_alerts()
    {
        var all = Subscribed(watchlistIds: null);

        Assert.Equal([all], DispatchAlertHandler.Recipients([all], Alert(Rockets)));
        Assert.Equal([all], DispatchAlertHandler.Recipients([all], Alert(Drones)));
    }

    [Fact]
    public void when_a_subscription_filters_watchlists_it_gets_only_theirs()
    {
        var rocketsOnly = Subscribed(watchlistIds: [Rockets]);
        var both = Subscribed(watchlistIds: [Drones, Rockets]);

        Assert.Equal([rocketsOnly, both], DispatchAlertHandler.Recipients([rocketsOnly, both], Alert(Rockets)));
        Assert.Equal([both], DispatchAlertHandler.Recipients([rocketsOnly, both], Alert(Drones)));
    }

    [Fact]
    public void when_a_subscription_was_created_after_the_alert_was_raised_it_does_not_get_it()
    {
        var before = Subscribed(createdAt: RaisedAt.AddTicks(-1));
        var atTheMoment = Subscribed(createdAt: RaisedAt);
        var after = Subscribed(createdAt: RaisedAt.AddTicks(1));

        Assert.Equal([before, atTheMoment], DispatchAlertHandler.Recipients([before, atTheMoment, after], Alert(Rockets)));
    }

    [Fact]
    public void when_the_same_subscription_and_alert_are_dispatched_again_the_delivery_id_is_the_same()
    {
        var subscription = Guid.Parse("0199b2a4-5a6e-7c2d-9f10-1a2b3c4d5e6f");
        var alert = Guid.Parse("0199b2a4-7777-7000-8000-000000000001");

        Assert.Equal(DispatchAlertHandler.DeliveryId(subscription, alert), DispatchAlertHandler.DeliveryId(subscription, alert));
        Assert.Equal(DispatchAlertHandler.DeliveryId(new Guid(subscription.ToString()), new Guid(alert.ToString())),
            DispatchAlertHandler.DeliveryId(subscription, alert));
    }

    [Fact]
    public void when_either_the_subscription_or_the_alert_differs_the_delivery_id_differs()
    {
        var (subscription, alert, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var id = DispatchAlertHandler.DeliveryId(subscription, alert);

        Assert.NotEqual(id, DispatchAlertHandler.DeliveryId(other, alert));
        Assert.NotEqual(id, DispatchAlertHandler.DeliveryId(subscription, other));
        Assert.NotEqual(id, DispatchAlertHandler.DeliveryId(alert, subscription));
    }

    [Fact]
    public void when_a_delivery_id_is_made_it_is_a_version_8_rfc_9562_uuid()
    {
        var id = DispatchAlertHandler.DeliveryId(Guid.NewGuid(), Guid.NewGuid());
        var text = id.ToString();

        Assert.Equal(8, id.Version);
        Assert.Equal('8', text[14]);
        Assert.Contains(text[19], "89ab");
    }
}
