namespace MediaMonitor.Webhooks;

/// <summary>What one POST to a subscriber's endpoint came to.</summary>
/// <param name="StatusCode">Null when no answer came (refused, timed out, connection failed).</param>
/// <param name="RetryAfter">The answer's <c>Retry-After</c>, as a delay from now.</param>
public sealed record AttemptResult(int? StatusCode, TimeSpan Latency, string? Error, string? ResponseExcerpt, TimeSpan? RetryAfter);

public enum AttemptOutcome
{
    /// <summary>2xx: delivered.</summary>
    Delivered,
    /// <summary>Failed; another attempt is scheduled.</summary>
    WillRetry,
    /// <summary>Failed, and the schedule is exhausted.</summary>
    Failed,
    /// <summary>410 Gone: the subscriber has said the endpoint is gone; its subscription is disabled.</summary>
    Gone,
}

/// <summary>The retry rules, as pure decisions.</summary>
public static class DeliveryPolicy
{
    /// <summary>Each scheduled delay is spread by up to this fraction either way, so that the retries of many
    /// deliveries that failed together (an endpoint back from an outage) do not all arrive at the same moment.</summary>
    public const double Jitter = 0.2;

    /// <summary>
    /// After attempt number <paramref name="runAttempt"/> (1 for the first of a run; a redelivery starts a new run)
    /// came to <paramref name="result"/>: delivered, gone, failed for good, or retried at the time returned.
    /// <c>Retry-After</c> on 429 or 503 replaces the scheduled delay (up to <paramref name="maxRetryAfter"/>).
    /// </summary>
    /// <param name="random">A number in [0, 1) for the jitter.</param>
    public static (AttemptOutcome Outcome, DateTimeOffset? NextAttemptAt) Decide(
        AttemptResult result, int runAttempt, IReadOnlyList<TimeSpan> schedule, TimeSpan maxRetryAfter, DateTimeOffset now,
        double random)
    {
        if (result.StatusCode is >= 200 and < 300) return (AttemptOutcome.Delivered, null);
        if (result.StatusCode == 410) return (AttemptOutcome.Gone, null);
        if (runAttempt > schedule.Count) return (AttemptOutcome.Failed, null);

        TimeSpan delay;
        if (result.StatusCode is 429 or 503 && result.RetryAfter is { } asked)
        {
            delay = asked < TimeSpan.Zero ? TimeSpan.Zero : asked > maxRetryAfter ? maxRetryAfter : asked;
        }
        else
        {
            var scheduled = schedule[runAttempt - 1];
            delay = scheduled * (1 - Jitter + 2 * Jitter * random);
        }
        return (AttemptOutcome.WillRetry, now + delay);
    }

    /// <summary>
    /// Whether a subscription whose deliveries have failed since <paramref name="failingSince"/> (null: the failure
    /// just recorded is the first since a success) has failed long enough to be disabled.
    /// </summary>
    public static bool ShouldDisable(DateTimeOffset? failingSince, DateTimeOffset now, TimeSpan disableAfter) =>
        failingSince is { } since && now - since >= disableAfter;
}
