namespace MediaMonitor.Feeds;

/// <summary>When a feed is polled next: pure, so the rules are tested without a clock.</summary>
public static class FeedSchedule
{
    /// <summary>After a good poll: the feed's interval.</summary>
    public static DateTimeOffset AfterSuccess(Feed feed, DateTimeOffset now) => now.AddSeconds(feed.IntervalSeconds);

    /// <summary>
    /// After the <paramref name="failures"/>th failure in a row: the interval doubled for each failure before it
    /// (5 min, 10, 20, 40, ...), at most <see cref="FeedOptions.MaxBackoff"/>; later if the site asked for it
    /// (<c>Retry-After</c>, honoured up to a day).
    /// </summary>
    public static DateTimeOffset AfterFailure(Feed feed, int failures, TimeSpan? retryAfter, FeedOptions options, DateTimeOffset now)
    {
        var doublings = Math.Min(Math.Max(failures - 1, 0), 20);
        var backoff = TimeSpan.FromSeconds(Math.Min(feed.IntervalSeconds * Math.Pow(2, doublings), options.MaxBackoff.TotalSeconds));
        if (retryAfter is { } asked && asked > backoff) backoff = asked > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : asked;
        return now + backoff;
    }

    /// <summary>Whether a feed failing since <paramref name="failingSince"/> has failed long enough to be paused.</summary>
    public static bool FailedTooLong(DateTimeOffset failingSince, FeedOptions options, DateTimeOffset now) =>
        now - failingSince >= options.PauseAfter;
}
