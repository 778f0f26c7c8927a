namespace MediaMonitor.Ingestion;

/// <summary>
/// When an article happened, for the questions asked of time (stories, timelines, spikes): its publication time, else
/// the time it was taken in. A publication time later than the intake is a feed's or a sender's mistake (nothing is
/// published in the future), and counts as the intake.
/// </summary>
public static class ArticleTime
{
    public static DateTimeOffset Of(DateTimeOffset? publishedAt, DateTimeOffset ingestedAt) =>
        publishedAt is { } published && published <= ingestedAt ? published : ingestedAt;

    /// <summary>Whether <see cref="Of"/> had to fall back on the intake time.</summary>
    public static bool ByIngestTime(DateTimeOffset? publishedAt, DateTimeOffset ingestedAt) =>
        publishedAt is not { } published || published > ingestedAt;
}
