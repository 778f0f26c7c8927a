using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;
using MediaMonitor.Webhooks;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class SubscriptionTypesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Watched = Guid.NewGuid();

    private static Subscription Created(IReadOnlyList<string>? types = null, SubscriptionDelivery delivery = SubscriptionDelivery.Every) =>
        Subscription.Create(new SubscriptionCreated(Guid.NewGuid(), "https://hooks.example/x", [Watched], null, Now, true, types, delivery));

    private static AlertRaised Alert(bool repeat) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Watched, 1, "Rockets", null, "en", null, null, null, [], Now, StoryId: Guid.NewGuid(), RepeatInStory: repeat);

    [Fact]
    public void a_subscription_recorded_before_types_were_chosen_gets_alerts_and_no_spikes()
    {
        var subscription = Created();
        Assert.Equal(["alert.raised"], subscription.Types);
        Assert.True(subscription.Wants(Alert(repeat: false)));
        Assert.False(subscription.WantsSpikeOf(Watched));
    }

    [Fact]
    public void a_subscription_to_spikes_only_gets_no_alerts_and_only_the_spikes_of_its_watchlists()
    {
        var subscription = Created(["watchlist.spike"]);
        Assert.False(subscription.Wants(Alert(repeat: false)));
        Assert.True(subscription.WantsSpikeOf(Watched));
        Assert.False(subscription.WantsSpikeOf(Guid.NewGuid()));
    }

    [Fact]
    public void first_per_story_passes_by_the_alerts_that_repeat_a_story_and_every_takes_them()
    {
        Assert.False(Created(delivery: SubscriptionDelivery.FirstPerStory).Wants(Alert(repeat: true)));
        Assert.True(Created(delivery: SubscriptionDelivery.FirstPerStory).Wants(Alert(repeat: false)));
        Assert.True(Created().Wants(Alert(repeat: true)));
    }

    [Fact]
    public void a_filters_change_recorded_before_types_were_chosen_keeps_the_types_and_delivery()
    {
        var subscription = Created(["watchlist.spike"], SubscriptionDelivery.FirstPerStory);
        subscription.Apply(new SubscriptionFiltersChanged(subscription.Id, null, Now, true));
        Assert.Equal(["watchlist.spike"], subscription.Types);
        Assert.Equal(SubscriptionDelivery.FirstPerStory, subscription.Delivery);
    }

    [Fact]
    public void changing_only_the_types_records_a_change_and_the_same_filters_record_none()
    {
        var subscription = Created();
        Assert.Empty(ChangeSubscriptionFiltersEndpoint.Decide(subscription, [Watched], Now, types: ["alert.raised"]));
        var change = Assert.IsType<SubscriptionFiltersChanged>(Assert.Single(
            ChangeSubscriptionFiltersEndpoint.Decide(subscription, [Watched], Now, types: ["alert.raised", "watchlist.spike"])));
        Assert.Equal(["alert.raised", "watchlist.spike"], change.Types);
        Assert.Equal(SubscriptionDelivery.Every, change.Delivery);
    }

    [Theory]
    [InlineData("alert.spiked")]
    [InlineData("")]
    public void an_unknown_type_is_refused_at_its_place(string type)
    {
        var errors = new ValidationErrors();
        SubscriptionInput.CheckTypes(["alert.raised", type], errors);
        Assert.Equal(["types[1]"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void no_types_at_all_and_an_unknown_delivery_are_refused()
    {
        var errors = new ValidationErrors();
        SubscriptionInput.CheckTypes([], errors);
        SubscriptionInput.CheckDelivery("sometimes", errors);
        Assert.Equal(["types", "delivery"], errors.ToDictionary().Keys);
    }
}
