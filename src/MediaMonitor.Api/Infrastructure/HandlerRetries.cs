using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace MediaMonitor.Infrastructure;

/// <summary>How a background handler that must not give up retries: at once a few times, then as scheduled messages
/// in PostgreSQL, for ever (a message dropped to the dead-letter queue would leave its work undone).</summary>
public static class HandlerRetries
{
    public static void RetryUntilDone(this HandlerChain chain, TimeSpan[] soon, params TimeSpan[] later)
    {
        // Most failures are a race with a concurrent write to the same stream, which the retry settles: a warning, then,
        // not an error an operator must act on.
        chain.FailureLogLevel = LogLevel.Warning;
        chain.OnAnyException().RetryWithCooldown(soon).Then.ScheduleRetryIndefinitely(later);
    }
}
