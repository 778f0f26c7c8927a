using MediaMonitor.Webhooks;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class WebhookOptionsTests
{
    [Fact]
    public void when_the_default_schedule_is_parsed_it_has_seven_delays() =>
        Assert.Equal(
            [
                TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
                TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
            ],
            WebhookOptions.ParseSchedule(WebhookOptions.DefaultRetrySchedule));

    [Fact]
    public void when_a_schedule_has_spaces_and_fractions_it_is_parsed() =>
        Assert.Equal([TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)], WebhookOptions.ParseSchedule("00:00:00.200, 00:00:01"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void when_a_schedule_is_blank_there_are_no_retries(string? text) => Assert.Empty(WebhookOptions.ParseSchedule(text));

    [Fact]
    public void when_an_entry_is_not_a_duration_the_error_names_it() =>
        Assert.Contains("'abc'", Assert.Throws<FormatException>(() => WebhookOptions.ParseSchedule("00:00:05,abc")).Message);

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:05")]
    [InlineData("00:00:05,-00:01:00")]
    [InlineData("31.00:00:00")]
    public void when_an_entry_is_not_positive_or_too_long_it_is_refused(string text) =>
        Assert.Throws<FormatException>(() => WebhookOptions.ParseSchedule(text));

    [Fact]
    public void when_a_schedule_has_more_than_20_retries_it_is_refused_and_20_are_accepted()
    {
        Assert.Equal(20, WebhookOptions.ParseSchedule(string.Join(',', Enumerable.Repeat("00:00:01", 20))).Count);
        Assert.Throws<FormatException>(() => WebhookOptions.ParseSchedule(string.Join(',', Enumerable.Repeat("00:00:01", 21))));
    }

    [Fact]
    public void when_the_options_are_the_defaults_there_is_no_problem() => Assert.Empty(new WebhookOptions().Problems());

    [Fact]
    public void when_the_timeout_is_zero_it_is_a_problem() =>
        Assert.Contains("Timeout", Assert.Single(new WebhookOptions { Timeout = TimeSpan.Zero }.Problems()));

    [Fact]
    public void when_no_delivery_may_run_at_once_it_is_a_problem() =>
        Assert.Contains("MaxParallelDeliveries", Assert.Single(new WebhookOptions { MaxParallelDeliveries = 0 }.Problems()));

    [Fact]
    public void when_the_schedule_is_bad_it_is_a_problem() =>
        Assert.Contains("'abc'", Assert.Single(new WebhookOptions { RetrySchedule = "abc" }.Problems()));
}
