using MediaMonitor.Webhooks;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class SubscriptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Subscription Created() => Subscription.Create(
        new SubscriptionCreated(Guid.NewGuid(), "https://hooks.example.com/alerts", null, "ops channel", Now.AddDays(-1)));

    [Fact]
    public void when_a_subscription_is_created_it_is_active_with_what_was_given()
    {
        var id = Guid.NewGuid();
        var watchlist = Guid.NewGuid();

        var s = Subscription.Create(new SubscriptionCreated(id, "https://hooks.example.com/alerts", [watchlist], "ops channel", Now));

        Assert.Equal(id, s.Id);
        Assert.Equal("https://hooks.example.com/alerts", s.Url);
        Assert.Equal([watchlist], s.WatchlistIds!);
        Assert.Equal("ops channel", s.Description);
        Assert.Equal(SubscriptionState.Active, s.State);
        Assert.Equal(Now, s.CreatedAt);
        Assert.Equal(Now, s.UpdatedAt);
    }

    [Fact]
    public void when_changes_are_folded_in_the_state_follows()
    {
        var s = Created();

        s.Apply(new SubscriptionPaused(s.Id, Now));
        Assert.Equal(SubscriptionState.Paused, s.State);
        Assert.Equal(Now, s.UpdatedAt);

        s.Apply(new SubscriptionResumed(s.Id, Now.AddMinutes(1)));
        Assert.Equal(SubscriptionState.Active, s.State);

        s.Apply(new SubscriptionDeleted(s.Id, Now.AddMinutes(2)));
        Assert.Equal(SubscriptionState.Deleted, s.State);
        Assert.Equal(Now.AddMinutes(2), s.UpdatedAt);
    }

    [Fact]
    public void when_the_filters_change_the_subscription_wants_only_the_new_watchlists()
    {
        var s = Created();
        var wanted = Guid.NewGuid();

        s.Apply(new SubscriptionFiltersChanged(s.Id, [wanted], Now));

        Assert.True(s.Wants(wanted));
        Assert.False(s.Wants(Guid.NewGuid()));
    }

    [Fact]
    public void when_a_secret_is_rotated_on_a_copy_the_copy_keeps_the_rotation_and_expiry_and_the_original_is_untouched()
    {
        var s = Created();

        var copy = s.Copy();
        copy.Apply(new SubscriptionSecretRotated(s.Id, Now.AddHours(24), Now));

        Assert.Equal(Now, copy.SecretRotatedAt);
        Assert.Equal(Now.AddHours(24), copy.PreviousSecretExpiresAt);
        Assert.Null(s.SecretRotatedAt);
        Assert.Null(s.PreviousSecretExpiresAt);
    }

    [Fact]
    public void when_a_disabled_subscription_is_resumed_the_reason_it_was_disabled_is_cleared()
    {
        var s = Created();
        s.Apply(new SubscriptionDisabled(s.Id, "The endpoint answered 410 Gone.", Now));
        Assert.Equal(SubscriptionState.Disabled, s.State);
        Assert.Equal("The endpoint answered 410 Gone.", s.DisabledReason);

        s.Apply(new SubscriptionResumed(s.Id, Now.AddHours(1)));

        Assert.Equal(SubscriptionState.Active, s.State);
        Assert.Null(s.DisabledReason);
    }
}
