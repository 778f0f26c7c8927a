using MediaMonitor.Webhooks;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class EndpointCooldownTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Subscription = Guid.NewGuid();

    [Fact]
    public void when_the_endpoint_asked_for_time_with_retry_after_it_cools_for_all_of_it()
    {
        var cooldown = EndpointCooldown.After(null, Subscription, 429, Now, Now.AddHours(1), retryAfterAsked: true);

        Assert.Equal(Now.AddHours(1), cooldown!.Until);
        Assert.Equal(Subscription, cooldown.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    public void after_a_failure_the_subscription_cools_until_the_retry(int? status)
    {
        var cooldown = EndpointCooldown.After(null, Subscription, status, Now, Now.AddSeconds(5))!;

        Assert.True(cooldown.IsCooling(Now));
        Assert.False(cooldown.IsCooling(Now.AddSeconds(5)));
    }

    [Fact]
    public void a_cooldown_lasts_a_minute_at_most_so_a_recovered_endpoint_is_found_soon()
    {
        var cooldown = EndpointCooldown.After(null, Subscription, 500, Now, Now.AddHours(10));

        Assert.Equal(Now + EndpointCooldown.MaxCooldown, cooldown!.Until);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(404)]
    public void an_answer_below_500_ends_the_cooldown(int status)
    {
        var cooling = EndpointCooldown.After(null, Subscription, 500, Now, Now.AddSeconds(30));

        Assert.Null(EndpointCooldown.After(cooling, Subscription, status, Now.AddSeconds(1), null));
    }

    [Fact]
    public void an_answer_while_deliveries_are_parked_ends_the_cooldown_but_keeps_them_parked_until_released()
    {
        var cooling = EndpointCooldown.After(null, Subscription, 500, Now, Now.AddSeconds(30))!;
        cooling.Parked = true;

        var answered = EndpointCooldown.After(cooling, Subscription, 200, Now.AddSeconds(31), null);

        Assert.Same(cooling, answered);
        Assert.Null(answered!.Until);
        Assert.True(answered.Parked);
        Assert.False(answered.Holds(Now.AddSeconds(31), released: true));
        Assert.True(answered.Holds(Now.AddSeconds(31), released: false));
    }

    [Fact]
    public void a_failure_while_deliveries_are_parked_cools_again_and_keeps_them_parked()
    {
        var parked = new EndpointCooldown { Id = Subscription, Until = Now, Parked = true };

        var cooling = EndpointCooldown.After(parked, Subscription, null, Now.AddSeconds(1), Now.AddSeconds(6))!;

        Assert.Equal(Now.AddSeconds(6), cooling.Until);
        Assert.True(cooling.Parked);
        Assert.True(cooling.Holds(Now.AddSeconds(2), released: true));
    }

    [Fact]
    public void with_nothing_parked_a_message_goes_once_the_cooldown_is_over()
    {
        var cooling = EndpointCooldown.After(null, Subscription, 503, Now, Now.AddSeconds(5))!;

        Assert.True(cooling.Holds(Now.AddSeconds(4), released: false));
        Assert.False(cooling.Holds(Now.AddSeconds(5), released: false));
    }
}
