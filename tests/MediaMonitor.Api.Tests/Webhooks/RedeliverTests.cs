using MediaMonitor.Webhooks;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class RedeliverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Delivery In(DeliveryStatus status) => new()
    {
        Id = Guid.NewGuid(), SubscriptionId = Guid.NewGuid(), AlertId = Guid.NewGuid(), Status = status,
        Ticket = status == DeliveryStatus.Pending ? Guid.NewGuid() : null, Trigger = DeliveryTrigger.Alert, RunAttempts = 3,
    };

    private static Subscription Of(Delivery d, SubscriptionState state) => new()
    {
        Id = d.SubscriptionId, Url = "https://hooks.example.com/alerts", State = state,
    };

    private static void AssertConflict(ProblemDetails problem) => Assert.Equal(409, problem.Status);

    [Fact]
    public void when_a_delivery_is_pending_it_is_not_redelivered()
    {
        var d = In(DeliveryStatus.Pending);

        AssertConflict(RedeliverEndpoint.Refusal(d, Of(d, SubscriptionState.Active), Now));
    }

    [Theory]
    [InlineData(SubscriptionState.Paused)]
    [InlineData(SubscriptionState.Disabled)]
    [InlineData(SubscriptionState.Deleted)]
    public void when_the_subscription_is_not_active_the_delivery_is_not_redelivered(SubscriptionState state)
    {
        var d = In(DeliveryStatus.Delivered);

        AssertConflict(RedeliverEndpoint.Refusal(d, Of(d, state), Now));
    }

    [Fact]
    public void when_the_subscription_is_missing_the_delivery_is_not_redelivered()
    {
        AssertConflict(RedeliverEndpoint.Refusal(In(DeliveryStatus.Failed), null, Now));
    }

    [Theory]
    [InlineData(DeliveryStatus.Delivered)]
    [InlineData(DeliveryStatus.Failed)]
    [InlineData(DeliveryStatus.Cancelled)]
    public void when_a_settled_delivery_of_an_active_subscription_is_redelivered_it_is_requeued_with_a_new_ticket(DeliveryStatus status)
    {
        var d = In(status);

        Assert.Same(WolverineContinue.NoProblems, RedeliverEndpoint.Refusal(d, Of(d, SubscriptionState.Active), Now));
        var requeued = RedeliverEndpoint.Decide(d, Now);
        Assert.Equal(d.Id, requeued.DeliveryId);
        Assert.Equal(d.SubscriptionId, requeued.SubscriptionId);
        Assert.Equal(DeliveryTrigger.Redeliver, requeued.Trigger);
        Assert.Equal(Now, requeued.At);
        Assert.NotEqual(Guid.Empty, requeued.Ticket);
    }

    [Fact]
    public void when_a_delivery_is_redelivered_twice_each_run_has_its_own_ticket()
    {
        var d = In(DeliveryStatus.Delivered);
        Assert.NotEqual(RedeliverEndpoint.Decide(d, Now).Ticket, RedeliverEndpoint.Decide(d, Now).Ticket);
    }

    [Fact]
    public void when_a_pending_delivery_is_overdue_by_more_than_the_stuck_time_it_may_be_redelivered()
    {
        var d = In(DeliveryStatus.Pending);
        d.NextAttemptAt = Now - RedeliverEndpoint.Stuck - TimeSpan.FromSeconds(1);

        Assert.Same(WolverineContinue.NoProblems, RedeliverEndpoint.Refusal(d, Of(d, SubscriptionState.Active), Now));
    }
}
