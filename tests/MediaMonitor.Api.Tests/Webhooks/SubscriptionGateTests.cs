using MediaMonitor.Webhooks;
using Microsoft.Extensions.Options;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class SubscriptionGateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private sealed class Options(WebhookOptions value) : IOptionsMonitor<WebhookOptions>
    {
        public WebhookOptions CurrentValue => value;
        public WebhookOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<WebhookOptions, string?> listener) => null;
    }

    private static SubscriptionGate Gate(int maxParallel = 256) => new(new Options(new WebhookOptions { MaxParallelDeliveries = maxParallel }));

    [Fact]
    public async Task one_delivery_at_a_time_per_subscription_and_the_next_goes_when_the_first_is_done()
    {
        var gate = Gate();
        var subscription = Guid.NewGuid();
        var first = await gate.EnterAsync(subscription, TimeSpan.FromSeconds(5), default);
        var second = gate.EnterAsync(subscription, TimeSpan.FromSeconds(5), default);

        Assert.NotNull(first);
        Assert.False(second.IsCompleted);
        first.Dispose();
        Assert.NotNull(await second.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task other_subscriptions_are_not_held_up()
    {
        var gate = Gate();
        using var busy = await gate.EnterAsync(Guid.NewGuid(), TimeSpan.FromSeconds(5), default);

        var other = gate.EnterAsync(Guid.NewGuid(), TimeSpan.FromSeconds(5), default);

        Assert.True(other.IsCompletedSuccessfully);
        Assert.NotNull(await other);
    }

    [Fact]
    public async Task waiting_deliveries_get_their_turn_in_the_order_they_came()
    {
        var gate = Gate();
        var subscription = Guid.NewGuid();
        var order = new List<int>();
        var holder = await gate.EnterAsync(subscription, TimeSpan.FromSeconds(5), default);
        var waiting = Enumerable.Range(1, 5).Select(async i =>
        {
            using var lease = await gate.EnterAsync(subscription, TimeSpan.FromSeconds(5), default);
            lock (order) order.Add(i);
        }).ToList();

        holder!.Dispose();
        await Task.WhenAll(waiting);

        Assert.Equal([1, 2, 3, 4, 5], order);
    }

    [Fact]
    public async Task when_a_quarter_of_the_workers_wait_on_one_subscription_the_next_delivery_steps_aside()
    {
        var gate = Gate(maxParallel: 8);   // two waiting at most on one subscription
        var subscription = Guid.NewGuid();
        using var holder = await gate.EnterAsync(subscription, TimeSpan.FromSeconds(5), default);
        var waiting = Enumerable.Range(0, 2).Select(_ => gate.EnterAsync(subscription, TimeSpan.FromSeconds(5), default)).ToList();

        var refused = await gate.EnterAsync(subscription, TimeSpan.FromSeconds(5), default);

        Assert.Null(refused);
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
    }

    [Fact]
    public async Task when_half_the_workers_wait_on_slow_subscriptions_others_still_get_through_and_more_waiting_is_refused()
    {
        var gate = Gate(maxParallel: 8);   // four waiting at most in all
        var slow = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var holders = new List<IDisposable?>();
        foreach (var s in slow) holders.Add(await gate.EnterAsync(s, TimeSpan.FromSeconds(5), default));
        var waiting = slow.SelectMany(s => Enumerable.Range(0, 2).Select(_ => gate.EnterAsync(s, TimeSpan.FromSeconds(5), default))).ToList();

        var third = Guid.NewGuid();
        var free = await gate.EnterAsync(third, TimeSpan.FromSeconds(5), default);
        var busyThird = await gate.EnterAsync(third, TimeSpan.FromSeconds(5), default);

        Assert.NotNull(free);
        Assert.Null(busyThird);
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        foreach (var h in holders) h!.Dispose();
        free!.Dispose();
        foreach (var w in waiting) (await w)?.Dispose();
    }

    [Fact]
    public void when_the_endpoint_asked_for_time_with_retry_after_it_cools_for_all_of_it()
    {
        var gate = Gate();
        var subscription = Guid.NewGuid();

        gate.Record(subscription, 429, Now, Now.AddHours(1), retryAfterAsked: true);

        Assert.Equal(Now.AddHours(1), gate.CoolingUntil(subscription, Now));
    }

    [Fact]
    public async Task a_delivery_that_waits_longer_than_it_may_steps_aside()
    {
        var gate = Gate();
        var subscription = Guid.NewGuid();
        using var holder = await gate.EnterAsync(subscription, TimeSpan.FromSeconds(5), default);

        Assert.Null(await gate.EnterAsync(subscription, TimeSpan.FromMilliseconds(50), default));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    public void after_a_failure_the_subscription_cools_until_the_retry(int? status)
    {
        var gate = Gate();
        var subscription = Guid.NewGuid();

        gate.Record(subscription, status, Now, Now.AddSeconds(5));

        Assert.Equal(Now.AddSeconds(5), gate.CoolingUntil(subscription, Now));
        Assert.Null(gate.CoolingUntil(subscription, Now.AddSeconds(5)));
    }

    [Fact]
    public void a_cooldown_lasts_a_minute_at_most_so_a_recovered_endpoint_is_found_soon()
    {
        var gate = Gate();
        var subscription = Guid.NewGuid();

        gate.Record(subscription, 500, Now, Now.AddHours(10));

        Assert.Equal(Now + SubscriptionGate.MaxCooldown, gate.CoolingUntil(subscription, Now));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(404)]
    public void an_answer_below_500_ends_the_cooldown(int status)
    {
        var gate = Gate();
        var subscription = Guid.NewGuid();
        gate.Record(subscription, 500, Now, Now.AddSeconds(30));

        gate.Record(subscription, status, Now.AddSeconds(1), null);

        Assert.Null(gate.CoolingUntil(subscription, Now.AddSeconds(1)));
    }
}
