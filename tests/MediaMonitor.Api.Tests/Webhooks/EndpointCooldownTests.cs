using MediaMonitor.Webhooks;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class EndpointCooldownTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void when_the_endpoint_asked_for_time_with_retry_after_it_cools_for_all_of_it()
    {
        var cooldown = new EndpointCooldown();
        var subscription = Guid.NewGuid();

        cooldown.Record(subscription, 429, Now, Now.AddHours(1), retryAfterAsked: true);

        Assert.Equal(Now.AddHours(1), cooldown.CoolingUntil(subscription, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    public void after_a_failure_the_subscription_cools_until_the_retry(int? status)
    {
        var cooldown = new EndpointCooldown();
        var subscription = Guid.NewGuid();

        cooldown.Record(subscription, status, Now, Now.AddSeconds(5));

        Assert.Equal(Now.AddSeconds(5), cooldown.CoolingUntil(subscription, Now));
        Assert.Null(cooldown.CoolingUntil(subscription, Now.AddSeconds(5)));
    }

    [Fact]
    public void a_cooldown_lasts_a_minute_at_most_so_a_recovered_endpoint_is_found_soon()
    {
        var cooldown = new EndpointCooldown();
        var subscription = Guid.NewGuid();

        cooldown.Record(subscription, 500, Now, Now.AddHours(10));

        Assert.Equal(Now + EndpointCooldown.MaxCooldown, cooldown.CoolingUntil(subscription, Now));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(404)]
    public void an_answer_below_500_ends_the_cooldown(int status)
    {
        var cooldown = new EndpointCooldown();
        var subscription = Guid.NewGuid();
        cooldown.Record(subscription, 500, Now, Now.AddSeconds(30));

        cooldown.Record(subscription, status, Now.AddSeconds(1), null);

        Assert.Null(cooldown.CoolingUntil(subscription, Now.AddSeconds(1)));
    }
}
