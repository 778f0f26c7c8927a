using MediaMonitor.Webhooks;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

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

    private static T Appended<T>(IEnumerable<object> events) => Assert.IsType<T>(Assert.Single(events));

    private static void AssertRefusedAsConflict(ProblemDetails problem) => Assert.Equal(409, problem.Status);

    private static void AssertGoesOn(ProblemDetails problem) => Assert.Same(WolverineContinue.NoProblems, problem);

    private static readonly CheckedWatchlistFilter Valid = new([Rockets], new());

    [Theory]
    [InlineData(SubscriptionState.Active)]
    [InlineData(SubscriptionState.Disabled)]
    public void when_a_live_subscription_is_paused_a_pause_is_recorded(SubscriptionState state)
    {
        var s = In(state);

        var paused = Appended<SubscriptionPaused>(PauseSubscriptionEndpoint.Decide(s, Now));

        Assert.Equal(new SubscriptionPaused(s.Id, Now), paused);
    }

    [Fact]
    public void when_a_paused_subscription_is_paused_again_nothing_changes() =>
        Assert.Empty(PauseSubscriptionEndpoint.Decide(In(SubscriptionState.Paused), Now));

    [Fact]
    public void when_a_deleted_subscription_is_paused_it_is_refused() =>
        AssertRefusedAsConflict(PauseSubscriptionEndpoint.Validate(In(SubscriptionState.Deleted)));

    [Fact]
    public void when_a_deleted_subscription_is_resumed_it_is_refused() =>
        AssertRefusedAsConflict(ResumeSubscriptionEndpoint.Validate(In(SubscriptionState.Deleted)));

    [Fact]
    public void when_a_deleted_subscription_gets_a_new_secret_it_is_refused() =>
        AssertRefusedAsConflict(RotateSubscriptionSecretEndpoint.Validate(In(SubscriptionState.Deleted)));

    [Theory]
    [InlineData(SubscriptionState.Active)]
    [InlineData(SubscriptionState.Paused)]
    [InlineData(SubscriptionState.Disabled)]
    public void when_a_live_subscription_is_paused_resumed_or_given_a_new_secret_the_command_goes_on(SubscriptionState state)
    {
        AssertGoesOn(PauseSubscriptionEndpoint.Validate(In(state)));
        AssertGoesOn(ResumeSubscriptionEndpoint.Validate(In(state)));
        AssertGoesOn(RotateSubscriptionSecretEndpoint.Validate(In(state)));
        AssertGoesOn(ChangeSubscriptionFiltersEndpoint.Validate(Valid, In(state)));
    }

    [Theory]
    [InlineData(SubscriptionState.Paused)]
    [InlineData(SubscriptionState.Disabled)]
    public void when_a_stopped_subscription_is_resumed_a_resumption_is_recorded(SubscriptionState state)
    {
        var s = In(state);

        Assert.Equal(new SubscriptionResumed(s.Id, Now), Appended<SubscriptionResumed>(ResumeSubscriptionEndpoint.Decide(s, Now)));
    }

    [Fact]
    public void when_an_active_subscription_is_resumed_nothing_changes() =>
        Assert.Empty(ResumeSubscriptionEndpoint.Decide(In(SubscriptionState.Active), Now));

    [Theory]
    [InlineData(SubscriptionState.Active)]
    [InlineData(SubscriptionState.Paused)]
    [InlineData(SubscriptionState.Disabled)]
    public void when_a_subscription_is_deleted_a_deletion_is_recorded(SubscriptionState state)
    {
        var s = In(state);

        Assert.Equal(new SubscriptionDeleted(s.Id, Now), Appended<SubscriptionDeleted>(DeleteSubscriptionEndpoint.Decide(s, Now)));
    }

    [Fact]
    public void when_a_deleted_subscription_is_deleted_again_nothing_changes() =>
        Assert.Empty(DeleteSubscriptionEndpoint.Decide(In(SubscriptionState.Deleted), Now));

    [Fact]
    public void when_the_filters_given_are_the_current_ones_in_another_order_nothing_changes() =>
        Assert.Empty(
            ChangeSubscriptionFiltersEndpoint.Decide(In(SubscriptionState.Active, [Rockets, Drones]), [Drones, Rockets], Now));

    [Fact]
    public void when_a_subscription_for_every_watchlist_is_given_no_filter_nothing_changes() =>
        Assert.Empty(ChangeSubscriptionFiltersEndpoint.Decide(In(SubscriptionState.Active), null, Now));

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
        AssertRefusedAsConflict(ChangeSubscriptionFiltersEndpoint.Validate(Valid, In(SubscriptionState.Deleted)));

    [Fact]
    public void when_the_filter_names_watchlists_that_are_not_there_it_is_refused_naming_the_field_whatever_the_state()
    {
        var errors = new MediaMonitor.Infrastructure.ValidationErrors();
        errors.Add("watchlistIds", "No such watchlist.");

        var problem = Assert.IsType<ValidationProblemDetails>(ChangeSubscriptionFiltersEndpoint.Validate(new CheckedWatchlistFilter(null, errors), In(SubscriptionState.Deleted)));

        Assert.Equal(["watchlistIds"], problem.Errors.Keys);
    }
}
