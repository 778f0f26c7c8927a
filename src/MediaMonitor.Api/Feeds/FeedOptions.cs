namespace MediaMonitor.Feeds;

/// <summary>Configuration section <c>MediaMonitor:Feeds</c>. Where feeds may be fetched from is the outbound policy's
/// (<see cref="Infrastructure.OutboundOptions"/>).</summary>
public sealed class FeedOptions
{
    public const string Section = "MediaMonitor:Feeds";
    public const int DefaultIntervalSeconds = 300;
    public const int MaxIntervalSeconds = 86_400;

    /// <summary>The shortest interval a feed may ask for: polling a news site more often than this is impolite.</summary>
    public int MinIntervalSeconds { get; set; } = 60;

    /// <summary>The whole of one request (feed or article page): connect, answer and body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest feed or page read (after decompression); a larger one fails the poll.</summary>
    public int MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Failed polls back off to at most this long between tries.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>A feed that has failed for this long, with no success, is paused with the reason.</summary>
    public TimeSpan PauseAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a poll of a full-text feed fetches article pages; the items after that keep their own text.</summary>
    public TimeSpan FullTextBudget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a site's robots.txt is trusted before it is read again.</summary>
    public TimeSpan RobotsCacheTime { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<string> Problems()
    {
        if (MinIntervalSeconds is < 1 or > MaxIntervalSeconds) yield return $"{Section}:MinIntervalSeconds must be between 1 and {MaxIntervalSeconds}.";
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5)) yield return $"{Section}:Timeout must be between zero and 5 minutes.";
        if (MaxBytes is < 1024 or > 100 * 1024 * 1024) yield return $"{Section}:MaxBytes must be between 1 KiB and 100 MiB.";
        if (MaxBackoff <= TimeSpan.Zero) yield return $"{Section}:MaxBackoff must be positive.";
        if (PauseAfter <= TimeSpan.Zero) yield return $"{Section}:PauseAfter must be positive.";
        if (FullTextBudget < TimeSpan.Zero || FullTextBudget > TimeSpan.FromMinutes(5)) yield return $"{Section}:FullTextBudget must be between zero and 5 minutes.";
        if (RobotsCacheTime <= TimeSpan.Zero) yield return $"{Section}:RobotsCacheTime must be positive.";
    }
}
