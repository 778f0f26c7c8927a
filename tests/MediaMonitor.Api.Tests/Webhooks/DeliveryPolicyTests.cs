using MediaMonitor.Webhooks;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class DeliveryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan[] Schedule = [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5)];
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    private static AttemptResult Answer(int? status, TimeSpan? retryAfter = null) =>
        new(status, TimeSpan.FromMilliseconds(40), status is null ? "The request timed out." : null, null, retryAfter);

    private static (AttemptOutcome Outcome, DateTimeOffset? NextAttemptAt) Decide(AttemptResult result, int runAttempt, double random = 0.5) =>
        DeliveryPolicy.Decide(result, runAttempt, Schedule, MaxRetryAfter, Now, random);

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    [InlineData(299)]
    public void when_the_endpoint_answers_2xx_the_delivery_is_delivered(int status) =>
        Assert.Equal((AttemptOutcome.Delivered, null), Decide(Answer(status), 1));

    [Fact]
    public void when_the_endpoint_answers_410_it_is_gone() =>
        Assert.Equal((AttemptOutcome.Gone, null), Decide(Answer(410), 1));

    [Fact]
    public void when_the_last_retry_also_answers_410_it_is_gone_not_failed() =>
        Assert.Equal((AttemptOutcome.Gone, null), Decide(Answer(410), Schedule.Length + 1));

    [Theory]
    [InlineData(300)]
    [InlineData(404)]
    [InlineData(500)]
    public void when_the_first_attempt_fails_the_next_is_scheduled_after_the_first_delay(int status) =>
        Assert.Equal((AttemptOutcome.WillRetry, Now + TimeSpan.FromSeconds(5)), Decide(Answer(status), 1, random: 0.5));

    [Fact]
    public void when_the_second_attempt_fails_the_next_is_scheduled_after_the_second_delay() =>
        Assert.Equal((AttemptOutcome.WillRetry, Now + TimeSpan.FromMinutes(5)), Decide(Answer(500), 2, random: 0.5));

    [Fact]
    public void when_the_jitter_is_at_its_extremes_the_delay_stays_within_20_percent()
    {
        var (lowOutcome, low) = Decide(Answer(500), 1, random: 0);
        var (highOutcome, high) = Decide(Answer(500), 1, random: 0.999);

        Assert.Equal(AttemptOutcome.WillRetry, lowOutcome);
        Assert.Equal(AttemptOutcome.WillRetry, highOutcome);
        Assert.Equal(Now + TimeSpan.FromSeconds(4), low);
        Assert.InRange(high!.Value, Now + TimeSpan.FromSeconds(5.9), Now + TimeSpan.FromSeconds(6));
    }

    [Fact]
    public void when_the_last_scheduled_retry_fails_the_delivery_has_failed() =>
        Assert.Equal((AttemptOutcome.Failed, null), Decide(Answer(500), Schedule.Length + 1));

    [Fact]
    public void when_no_answer_comes_the_attempt_is_retried() =>
        Assert.Equal((AttemptOutcome.WillRetry, Now + TimeSpan.FromSeconds(5)), Decide(Answer(null), 1));

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void when_the_endpoint_asks_to_retry_after_a_delay_that_delay_is_used_instead_of_the_schedule(int status) =>
        Assert.Equal((AttemptOutcome.WillRetry, Now + TimeSpan.FromSeconds(90)),
            Decide(Answer(status, TimeSpan.FromSeconds(90)), 1, random: 0));

    [Fact]
    public void when_the_endpoint_asks_for_longer_than_the_longest_retry_after_it_waits_the_longest() =>
        Assert.Equal((AttemptOutcome.WillRetry, Now + MaxRetryAfter), Decide(Answer(429, TimeSpan.FromDays(3)), 1));

    [Fact]
    public void when_the_endpoint_asks_for_a_negative_retry_after_it_is_retried_at_once() =>
        Assert.Equal((AttemptOutcome.WillRetry, Now), Decide(Answer(503, TimeSpan.FromSeconds(-30)), 1));

    [Fact]
    public void when_a_500_carries_retry_after_it_is_ignored_and_the_schedule_used() =>
        Assert.Equal((AttemptOutcome.WillRetry, Now + TimeSpan.FromSeconds(5)), Decide(Answer(500, TimeSpan.FromMinutes(30)), 1));

    [Fact]
    public void when_a_429_has_no_retry_after_the_schedule_is_used() =>
        Assert.Equal((AttemptOutcome.WillRetry, Now + TimeSpan.FromMinutes(5)), Decide(Answer(429), 2));

    [Fact]
    public void when_the_schedule_is_exhausted_retry_after_does_not_extend_it() =>
        Assert.Equal((AttemptOutcome.Failed, null), Decide(Answer(429, TimeSpan.FromSeconds(10)), Schedule.Length + 1));

    [Fact]
    public void when_nothing_has_failed_since_a_success_the_subscription_is_not_disabled() =>
        Assert.False(DeliveryPolicy.ShouldDisable(null, Now, TimeSpan.FromDays(5)));

    [Fact]
    public void when_deliveries_have_failed_for_less_than_the_window_the_subscription_is_not_disabled() =>
        Assert.False(DeliveryPolicy.ShouldDisable(Now - TimeSpan.FromDays(4), Now, TimeSpan.FromDays(5)));

    [Fact]
    public void when_deliveries_have_failed_for_exactly_the_window_the_subscription_is_disabled() =>
        Assert.True(DeliveryPolicy.ShouldDisable(Now - TimeSpan.FromDays(5), Now, TimeSpan.FromDays(5)));
}
