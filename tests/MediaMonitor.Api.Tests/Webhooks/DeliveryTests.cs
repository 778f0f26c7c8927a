using MediaMonitor.Webhooks;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class DeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid FirstTicket = Guid.NewGuid();

    private static Delivery Scheduled() => Delivery.From(new DeliveryScheduled(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now.AddMinutes(-1), FirstTicket, DeliveryTrigger.Alert, Now));

    private static DeliveryAttempted Attempted(Delivery d, int attempt, AttemptOutcome outcome, int? status, DateTimeOffset? next = null, Guid? ticket = null) =>
        new(d.Id, d.SubscriptionId, attempt, Now.AddSeconds(attempt), status, 120, null, null, outcome, next, ticket);

    [Fact]
    public void when_a_delivery_is_scheduled_it_is_pending_with_its_ticket_and_due_now()
    {
        var d = Scheduled();

        Assert.Equal(DeliveryStatus.Pending, d.Status);
        Assert.Equal(FirstTicket, d.Ticket);
        Assert.Equal(Now, d.NextAttemptAt);
        Assert.Equal(DeliveryTrigger.Alert, d.Trigger);
        Assert.Equal(0, d.RunAttempts);
        Assert.Empty(d.Attempts);
    }

    [Fact]
    public void when_an_attempt_will_be_retried_the_delivery_stays_pending_with_the_next_ticket()
    {
        var d = Scheduled();
        var next = Guid.NewGuid();

        d.Record(Attempted(d, 1, AttemptOutcome.WillRetry, 500, Now.AddSeconds(5), next));

        Assert.Equal(DeliveryStatus.Pending, d.Status);
        Assert.Equal(next, d.Ticket);
        Assert.Equal(Now.AddSeconds(5), d.NextAttemptAt);
        Assert.Equal(1, d.RunAttempts);
        Assert.Equal(500, Assert.Single(d.Attempts).StatusCode);
        Assert.Null(d.Reason);
    }

    [Fact]
    public void when_an_attempt_is_delivered_the_delivery_is_delivered_and_no_ticket_is_left()
    {
        var d = Scheduled();
        d.Record(Attempted(d, 1, AttemptOutcome.WillRetry, null, Now.AddSeconds(5), Guid.NewGuid()));

        d.Record(Attempted(d, 2, AttemptOutcome.Delivered, 204));

        Assert.Equal(DeliveryStatus.Delivered, d.Status);
        Assert.Null(d.Ticket);
        Assert.Null(d.NextAttemptAt);
        Assert.Equal(2, d.RunAttempts);
        Assert.Equal([1, 2], d.Attempts.Select(a => a.Attempt));
    }

    [Theory]
    [InlineData(AttemptOutcome.Failed, 500, "The retry schedule is exhausted.")]
    [InlineData(AttemptOutcome.Gone, 410, "The endpoint answered 410 Gone.")]
    public void when_an_attempt_fails_for_good_the_delivery_has_failed_with_the_reason(AttemptOutcome outcome, int status, string reason)
    {
        var d = Scheduled();

        d.Record(Attempted(d, 1, outcome, status));

        Assert.Equal(DeliveryStatus.Failed, d.Status);
        Assert.Equal(reason, d.Reason);
        Assert.Null(d.Ticket);
    }

    [Fact]
    public void when_a_delivery_is_requeued_a_new_run_starts_with_the_new_ticket()
    {
        var d = Scheduled();
        d.Record(Attempted(d, 1, AttemptOutcome.WillRetry, 500, Now.AddSeconds(5), Guid.NewGuid()));
        d.Record(Attempted(d, 2, AttemptOutcome.Failed, 500));
        var ticket = Guid.NewGuid();

        d.Requeue(new DeliveryRequeued(d.Id, d.SubscriptionId, ticket, DeliveryTrigger.Redeliver, Now.AddDays(1)));

        Assert.Equal(DeliveryStatus.Pending, d.Status);
        Assert.Equal(0, d.RunAttempts);
        Assert.Equal(ticket, d.Ticket);
        Assert.Equal(DeliveryTrigger.Redeliver, d.Trigger);
        Assert.Null(d.Reason);
        Assert.Equal(Now.AddDays(1), d.NextAttemptAt);
        Assert.Equal(2, d.Attempts.Count);
    }

    [Fact]
    public void when_a_delivery_is_cancelled_it_is_cancelled_with_the_reason_and_no_ticket()
    {
        var d = Scheduled();

        d.Cancel(new DeliveryCancelled(d.Id, d.SubscriptionId, "The subscription is paused.", Now.AddMinutes(1)));

        Assert.Equal(DeliveryStatus.Cancelled, d.Status);
        Assert.Equal("The subscription is paused.", d.Reason);
        Assert.Null(d.Ticket);
        Assert.Null(d.NextAttemptAt);
    }

    [Fact]
    public void when_a_requeue_is_folded_into_a_copy_the_original_is_untouched()
    {
        var d = Scheduled();
        d.Record(Attempted(d, 1, AttemptOutcome.Delivered, 204));

        var copy = d.Copy();
        copy.Requeue(new DeliveryRequeued(d.Id, d.SubscriptionId, Guid.NewGuid(), DeliveryTrigger.Redeliver, Now.AddDays(1)));

        Assert.Equal(DeliveryStatus.Pending, copy.Status);
        Assert.Equal(DeliveryStatus.Delivered, d.Status);
        Assert.Null(d.Ticket);
    }
}
