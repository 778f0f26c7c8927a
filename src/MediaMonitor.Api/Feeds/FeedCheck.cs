namespace MediaMonitor.Feeds;

/// <summary>
/// How a feed's last poll went and when the next is due: state of the poller, not a fact worth keeping, so a poll
/// that finds nothing new (a 304, or the same items again) overwrites this document and appends no event. The
/// validators are what the next request sends back (<c>If-None-Match</c>, <c>If-Modified-Since</c>).
/// </summary>
public sealed class FeedCheck
{
    public Guid Id { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
    public FeedOutcome Outcome { get; set; }
    public int? Status { get; set; }
    public DateTimeOffset? NextPollAt { get; set; }
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
}

public enum FeedOutcome { NewItems, NothingNew, NotModified, Failed, Paused }
