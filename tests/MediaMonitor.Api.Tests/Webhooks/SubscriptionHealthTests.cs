using MediaMonitor.Webhooks;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class SubscriptionHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid SubscriptionId = Guid.NewGuid();

    private static DeliveryAttempted Attempt(AttemptOutcome outcome, DateTimeOffset at, int? status) =>
        new(Guid.NewGuid(), SubscriptionId, 1, at, status, 80, null, null, outcome, null, null);

    [Fact]
    public void when_the_first_attempt_fails_the_subscription_is_failing_since_then()
    {
        var health = SubscriptionHealthProjection.Create(Attempt(AttemptOutcome.WillRetry, Now, 500));

        Assert.Equal(SubscriptionId, health.Id);
        Assert.Equal(Now, health.FailingSince);
        Assert.Equal(1, health.ConsecutiveFailures);
        Assert.Equal(1, health.FailedAttempts);
        Assert.Equal(0, health.Delivered);
        Assert.Equal(Now, health.LastAttemptAt);
        Assert.Null(health.LastSuccessAt);
    }

    [Fact]
    public void when_several_attempts_fail_the_subscription_is_failing_since_the_first()
    {
        var health = SubscriptionHealthProjection.Create(Attempt(AttemptOutcome.WillRetry, Now, null));

        SubscriptionHealthProjection.Apply(health, Attempt(AttemptOutcome.WillRetry, Now.AddMinutes(5), 503));
        SubscriptionHealthProjection.Apply(health, Attempt(AttemptOutcome.Failed, Now.AddHours(2), 500));

        Assert.Equal(Now, health.FailingSince);
        Assert.Equal(3, health.ConsecutiveFailures);
        Assert.Equal(3, health.FailedAttempts);
        Assert.Equal(Now.AddHours(2), health.LastAttemptAt);
    }

    [Fact]
    public void when_an_attempt_succeeds_after_failures_the_failing_streak_ends_and_the_delivery_counts()
    {
        var health = SubscriptionHealthProjection.Create(Attempt(AttemptOutcome.WillRetry, Now, 500));
        SubscriptionHealthProjection.Apply(health, Attempt(AttemptOutcome.WillRetry, Now.AddMinutes(5), 500));

        SubscriptionHealthProjection.Apply(health, Attempt(AttemptOutcome.Delivered, Now.AddMinutes(35), 200));

        Assert.Null(health.FailingSince);
        Assert.Equal(0, health.ConsecutiveFailures);
        Assert.Equal(1, health.Delivered);
        Assert.Equal(2, health.FailedAttempts);
        Assert.Equal(Now.AddMinutes(35), health.LastSuccessAt);
    }

    [Fact]
    public void when_a_failure_follows_a_success_the_streak_starts_again_at_that_failure()
    {
        var health = SubscriptionHealthProjection.Create(Attempt(AttemptOutcome.WillRetry, Now, 500));
        SubscriptionHealthProjection.Apply(health, Attempt(AttemptOutcome.Delivered, Now.AddMinutes(1), 200));

        SubscriptionHealthProjection.Apply(health, Attempt(AttemptOutcome.Gone, Now.AddMinutes(2), 410));

        Assert.Equal(Now.AddMinutes(2), health.FailingSince);
        Assert.Equal(1, health.ConsecutiveFailures);
    }
}
