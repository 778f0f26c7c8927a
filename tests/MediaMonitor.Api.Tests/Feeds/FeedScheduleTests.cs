using MediaMonitor.Feeds;

namespace MediaMonitor.Api.Tests.Feeds;

public sealed class FeedScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly FeedOptions Options = new();
    private static readonly Feed FiveMinutes = new() { IntervalSeconds = 300 };

    [Fact]
    public void a_good_poll_waits_the_interval() => Assert.Equal(Now.AddMinutes(5), FeedSchedule.AfterSuccess(FiveMinutes, Now));

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(6, 160)]
    [InlineData(7, 320)]
    [InlineData(8, 360)]
    [InlineData(500, 360)]
    public void each_failure_in_a_row_doubles_the_wait_up_to_six_hours(int failures, int minutes) =>
        Assert.Equal(Now.AddMinutes(minutes), FeedSchedule.AfterFailure(FiveMinutes, failures, null, Options, Now));

    [Fact]
    public void retry_after_longer_than_the_backoff_is_honoured_up_to_a_day()
    {
        Assert.Equal(Now.AddHours(2), FeedSchedule.AfterFailure(FiveMinutes, 1, TimeSpan.FromHours(2), Options, Now));
        Assert.Equal(Now.AddDays(1), FeedSchedule.AfterFailure(FiveMinutes, 1, TimeSpan.FromDays(30), Options, Now));
    }

    [Fact]
    public void retry_after_shorter_than_the_backoff_does_not_shorten_it() =>
        Assert.Equal(Now.AddMinutes(20), FeedSchedule.AfterFailure(FiveMinutes, 3, TimeSpan.FromSeconds(10), Options, Now));

    [Fact]
    public void a_feed_failing_for_seven_days_has_failed_too_long()
    {
        Assert.False(FeedSchedule.FailedTooLong(Now.AddDays(-7).AddSeconds(1), Options, Now));
        Assert.True(FeedSchedule.FailedTooLong(Now.AddDays(-7), Options, Now));
    }
}
