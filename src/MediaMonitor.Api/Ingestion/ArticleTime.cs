namespace MediaMonitor.Ingestion;

/// <summary>
/// When an article happened, for what asks about time (timelines, spikes, stories): its <c>publishedAt</c> when it has one that is not later than its intake (a date in the
/// future is a feed's mistake, not news from tomorrow), else the time it was taken in. And the UTC slots of that time the
/// timeline tables keep: the quarter hour (every time zone in use today is a whole number of quarter hours from UTC, so
/// quarter hours fold exactly into the hours and days of any zone), and the UTC hour and day of the summary.
/// </summary>
public sealed record ArticleTime(DateTimeOffset At, bool ByIngestTime)
{
    public static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    public static ArticleTime Of(ArticleIngested e) => Of(e.PublishedAt, e.IngestedAt);

    public static ArticleTime Of(DateTimeOffset? publishedAt, DateTimeOffset ingestedAt) =>
        publishedAt is { } published && published <= ingestedAt
            ? new ArticleTime(published.ToUniversalTime(), false)
            : new ArticleTime(ingestedAt.ToUniversalTime(), true);

    public DateTimeOffset QuarterSlot => Floor(At, Quarter);

    public DateTimeOffset HourSlot => Floor(At, TimeSpan.FromHours(1));

    public DateTimeOffset DaySlot => Floor(At, TimeSpan.FromDays(1));

    /// <summary>The UTC instant floored to a whole number of <paramref name="step"/>s since 0001-01-01 (so to UTC
    /// quarter hours, hours and days alike).</summary>
    public static DateTimeOffset Floor(DateTimeOffset at, TimeSpan step)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - ticks % step.Ticks, TimeSpan.Zero);
    }

    public static DateTimeOffset Ceiling(DateTimeOffset at, TimeSpan step)
    {
        var floor = Floor(at, step);
        return floor == at ? floor : floor + step;
    }
}
