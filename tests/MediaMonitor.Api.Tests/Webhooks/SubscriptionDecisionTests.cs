using MediaMonitor.Webhooks;
using MediaMonitor.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class SubscriptionDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Rockets = Guid.NewGuid();
    private static readonly Guid Drones = Guid.NewGuid();

    private static Subscription In(SubscriptionState state, IReadOnlyList<Guid>? watchlistIds = null) => new()
    {
        Id = Guid.NewGuid(), Url = "https://hooks.example.com/alerts", WatchlistIds = watchlistIds, State = state, Version = 3,
    };

    private static T Appended<T>(Decision decision) =>
        Assert.IsType<T>(Assert.IsType<Decision.Append>(decision).Event);

    private static void AssertRefusedAsConflict(Decision decision) =>
        Assert.Equal(StatusCodes.Status409Conflict,
            Assert.IsAssignableFrom<IStatusCodeHttpResult>(Assert.IsType<Decision.Refuse>(decision).Problem).StatusCode);

    [Theory]
    [InlineData(SubscriptionState.Active)]
    [InlineData(SubscriptionState.Disabled)]
    public void when_a_live_subscription_is_paused_a_pause_is_recorded(SubscriptionState state)
    {
        var s = In(state);

        var paused = Appended<SubscriptionPaused>(ChangeSubscriptionStateEndpoints.Pause(s, Now));

        Assert.Equal(new SubscriptionPaused(s.Id, Now), paused);
    }

    [Fact]
    public void when_a_paused_subscription_is_paused_again_nothing_changes() =>
        Assert.IsType<Decision.NoChange>(ChangeSubscriptionStateEndpoints.Pause(In(SubscriptionState.Paused), Now));

    [Fact]
    public void when_a_deleted_subscription_is_paused_it_is_refused() =>
        AssertRefusedAsConflict(ChangeSubscriptionStateEndpoints.Pause(In(SubscriptionState.Deleted), Now));

    [Fact]
    public void when_a_deleted_subscription_is_resumed_it_is_refused() =>
        AssertRefusedAsConflict(ChangeSubscriptionStateEndpoints.Resume(In(SubscriptionState.Deleted), Now));

    [Theory]
    [InlineData(SubscriptionState.Paused)]
    [InlineData(SubscriptionState.Disabled)]
    public void when_a_stopped_subscription_is_resumed_a_resumption_is_recorded(SubscriptionState state)
    {
        var s = In(state);

        Assert.Equal(new SubscriptionResumed(s.Id, Now), Appended<SubscriptionResumed>(ChangeSubscriptionStateEndpoints.Resume(s, Now)));
    }

    [Fact]
    public void when_an_active_subscription_is_resumed_nothing_changes() =>
        Assert.IsType<Decision.NoChange>(ChangeSubscriptionStateEndpoints.Resume(In(SubscriptionState.Active), Now));

    [Theory]
    [InlineData(SubscriptionState.Active)]
    [InlineData(SubscriptionState.Paused)]
    [InlineData(SubscriptionState.Disabled)]
    public void when_a_subscription_is_deleted_a_deletion_is_recorded(SubscriptionState state)
    {
        var s = In(state);

        Assert.Equal(new SubscriptionDeleted(s.Id, Now), Appended<SubscriptionDeleted>(ChangeSubscriptionStateEndpoints.Delete(s, Now)));
    }

    [Fact]
    public void when_a_deleted_subscription_is_deleted_again_nothing_changes() =>
        Assert.IsType<Decision.NoChange>(ChangeSubscriptionStateEndpoints.Delete(In(SubscriptionState.Deleted), Now));

    [Fact]
    public void when_the_filters_given_are_the_current_ones_in_another_order_nothing_changes() =>
        Assert.IsType<Decision.NoChange>(
            ChangeSubscriptionFiltersEndpoint.Decide(In(SubscriptionState.Active, [Rockets, Drones]), [Drones, Rockets], Now));

    [Fact]
    public void when_a_subscription_for_every_watchlist_is_given_no_filter_nothing_changes() =>
        Assert.IsType<Decision.NoChange>(ChangeSubscriptionFiltersEndpoint.Decide(In(SubscriptionState.Active), null, Now));

    [Fact]
    public void when_a_subscription_for_every_watchlist_is_given_a_filter_the_change_is_recorded()
    {
        var s = In(SubscriptionState.Active);

        var changed = Appended<SubscriptionFiltersChanged>(ChangeSubscriptionFiltersEndpoint.Decide(s, [Rockets], Now));

        Assert.Equal(s.Id, changed.SubscriptionId);
        Assert.Equal([Rockets], changed.WatchlistIds!);
        Assert.Equal(Now, changed.At);
    }

    [Fact]
    public void when_a_filtered_subscription_is_given_no_filter_the_change_to_every_watchlist_is_recorded() =>
        Assert.Null(Appended<SubscriptionFiltersChanged>(
            ChangeSubscriptionFiltersEndpoint.Decide(In(SubscriptionState.Active, [Rockets]), null, Now)).WatchlistIds);

    [Fact]
    public void when_a_filter_drops_a_watchlist_the_change_is_recorded() =>
        Assert.Equal([Rockets], Appended<SubscriptionFiltersChanged>(
            ChangeSubscriptionFiltersEndpoint.Decide(In(SubscriptionState.Active, [Rockets, Drones]), [Rockets], Now)).WatchlistIds!);

    [Fact]
    public void when_the_filters_of_a_deleted_subscription_are_changed_it_is_refused() =>
        AssertRefusedAsConflict(ChangeSubscriptionFiltersEndpoint.Decide(In(SubscriptionState.Deleted), [Rockets], Now));
}
